#requires -Version 7.2
<#
.SYNOPSIS
    Builds en-US/MoSapi.PowerShell.dll-Help.xml (MAML) from docs/help/*.md and the compiled cmdlets.
.DESCRIPTION
    The help source is one markdown file per cmdlet, docs/help/<Cmdlet-Name>.md (the format is described in
    docs/help/README.md). Everything the compiler knows — parameter sets, types, mandatory, position, pipeline
    input, aliases, default values, ValidateSet and enum values, output types — is read from the built assembly in a
    child pwsh (so the build process never loads the module); descriptions, examples, notes and links come from the
    markdown. The output is deterministic: the same sources give the same bytes.

    The build fails when a parameter has no description, when a markdown file describes a parameter the cmdlet does
    not have, when a markdown file names a cmdlet the assembly does not define, or when a file lacks a synopsis, a
    description or two examples. A cmdlet without a markdown file is reported as a warning (the help meta-test then
    fails), so a cmdlet that has just been added does not stop everyone's build.
.EXAMPLE
    ./tools/Build-Help.ps1 -AssemblyPath src/MoSapi.PowerShell/bin/Release/netstandard2.0/MoSapi.PowerShell.dll
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $AssemblyPath,
    [string] $SourceDirectory = (Join-Path $PSScriptRoot '../docs/help'),
    [string] $OutputPath = (Join-Path $PSScriptRoot '../en-US/MoSapi.PowerShell.dll-Help.xml')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$AssemblyPath = (Resolve-Path $AssemblyPath).Path
$SourceDirectory = (Resolve-Path $SourceDirectory).Path
$OutputPath = [IO.Path]::GetFullPath($OutputPath)

#region metadata from the compiled cmdlets (child pwsh)
$metadataScript = {
    param([string] $Path)
    $ErrorActionPreference = 'Stop'
    $module = Import-Module $Path -PassThru
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-ShortTypeName([type] $Type) {
        $nullable = [Nullable]::GetUnderlyingType($Type)
        if ($nullable) { return (Get-ShortTypeName $nullable) }
        if ($Type.IsArray) { return (Get-ShortTypeName $Type.GetElementType()) + '[]' }
        $Type.Name
    }
    function Get-FullTypeName([type] $Type) {
        $nullable = [Nullable]::GetUnderlyingType($Type)
        if ($nullable) { return (Get-FullTypeName $nullable) }
        if ($Type.IsArray) { return (Get-FullTypeName $Type.GetElementType()) + '[]' }
        $Type.FullName
    }

    $commands = foreach ($cmd in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
        $type = $cmd.ImplementingType
        $instance = try { [Activator]::CreateInstance($type) } catch { $null }
        $parameters = foreach ($p in $cmd.Parameters.Values) {
            if ($p.Name -in $common) { continue }
            $elementType = if ($p.ParameterType.IsArray) { $p.ParameterType.GetElementType() } else { $p.ParameterType }
            $elementType = if ([Nullable]::GetUnderlyingType($elementType)) { [Nullable]::GetUnderlyingType($elementType) } else { $elementType }
            $values = @()
            $validateSet = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
            if ($validateSet) { $values = @($validateSet.ValidValues) }
            elseif ($elementType.IsEnum) { $values = @([Enum]::GetNames($elementType)) }
            $default = $null
            if ($instance -and $p.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $property = $type.GetProperty($p.Name)
                if ($property) {
                    $value = $property.GetValue($instance)
                    if ($null -ne $value -and -not ($value -is [array])) { $default = [string]::Format([cultureinfo]::InvariantCulture, '{0}', $value) }
                }
            }
            $sets = foreach ($a in $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }) {
                [ordered] @{
                    Set                 = $a.ParameterSetName
                    Mandatory           = $a.Mandatory
                    Position            = $a.Position
                    ByValue             = $a.ValueFromPipeline
                    ByPropertyName      = $a.ValueFromPipelineByPropertyName
                    ValueFromRemaining  = $a.ValueFromRemainingArguments
                }
            }
            [ordered] @{
                Name         = $p.Name
                Type         = Get-ShortTypeName $p.ParameterType
                FullType     = Get-FullTypeName $p.ParameterType
                IsSwitch     = $p.SwitchParameter
                IsArray      = $p.ParameterType.IsArray
                Aliases      = @($p.Aliases | Sort-Object)
                Values       = $values
                Default      = $default
                Sets         = @($sets)
            }
        }
        $sets = foreach ($s in $cmd.ParameterSets) {
            [ordered] @{
                Name       = $s.Name
                IsDefault  = $s.IsDefault
                Parameters = @($s.Parameters | Where-Object Name -NotIn $common | ForEach-Object Name)
            }
        }
        [ordered] @{
            Name           = $cmd.Name
            Verb           = $cmd.Verb
            Noun           = $cmd.Noun
            DefaultSet     = $cmd.DefaultParameterSet
            Parameters     = @($parameters)
            ParameterSets  = @($sets)
            OutputTypes    = @($cmd.OutputType | ForEach-Object { if ($_.Type) { Get-FullTypeName $_.Type } else { $_.Name } } | Select-Object -Unique)
            Aliases        = @(Get-Alias -Definition $cmd.Name -ErrorAction SilentlyContinue | ForEach-Object Name | Sort-Object)
        }
    }
    @($commands) | ConvertTo-Json -Depth 10 -Compress
}

# Under `dotnet pwsh` (the local tool) this process is dotnet itself, which runs pwsh.dll.
$pwshPath = [Environment]::ProcessPath
$pwshArgs = @()
if ([IO.Path]::GetFileNameWithoutExtension($pwshPath) -eq 'dotnet') { $pwshArgs = @(Join-Path $PSHOME 'pwsh.dll') }
$encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes(
        "& { $($metadataScript.ToString()) } -Path '$($AssemblyPath.Replace("'", "''"))'"))
$json = & $pwshPath @pwshArgs -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
if ($LASTEXITCODE -ne 0) { throw "Build-Help: reading the cmdlets of $AssemblyPath failed (exit code $LASTEXITCODE)." }
$commands = @(($json -join "`n") | ConvertFrom-Json)
#endregion

#region markdown help source
function Read-HelpSource([string] $Path) {
    $lines = (Get-Content $Path -Raw -Encoding utf8) -replace "`r`n", "`n" -split "`n"
    $doc = [ordered] @{
        Path = $Path; Name = $null; Synopsis = @(); Description = @(); Parameters = [ordered] @{}
        Examples = [System.Collections.Generic.List[object]]::new(); Inputs = [ordered] @{}; Outputs = [ordered] @{}
        Notes = @(); Links = @()
    }
    $section = $null; $sub = $null; $buffer = $null
    $inFence = $false; $fence = $null; $marker = $null
    foreach ($line in $lines) {
        if ($inFence) {
            if ($line -match '^```\s*$') {
                $inFence = $false
                if ($section -eq 'EXAMPLES' -and $null -ne $sub) {
                    if ($null -eq $sub.Code) { $sub.Code = $fence -join "`n" } else { $sub.Remarks.Add('    ' + ($fence -join "`n    ")) }
                }
                else { $buffer.Add('```' + "`n" + ($fence -join "`n") + "`n" + '```') }
                continue
            }
            $fence.Add($line); continue
        }
        if ($line -match '^```') {
            $inFence = $true; $fence = [System.Collections.Generic.List[string]]::new()
            if ($section -eq 'EXAMPLES' -and $null -ne $sub) { $sub.NotRun = $marker; $marker = $null }
            continue
        }
        if ($line -match '^<!--\s*not-run:\s*(.+?)\s*-->\s*$') { $marker = $Matches[1]; continue }
        if ($line -match '^#\s+(\S+)\s*$') { $doc.Name = $Matches[1]; continue }
        if ($line -match '^##\s+(.+?)\s*$') {
            $section = $Matches[1].ToUpperInvariant(); $sub = $null
            $buffer = [System.Collections.Generic.List[string]]::new()
            switch ($section) {
                'SYNOPSIS' { $doc.Synopsis = $buffer }
                'DESCRIPTION' { $doc.Description = $buffer }
                'NOTES' { $doc.Notes = $buffer }
                'RELATED LINKS' { $doc.Links = $buffer }
                { $_ -in 'PARAMETERS', 'EXAMPLES', 'INPUTS', 'OUTPUTS' } { }
                default { throw "Build-Help: ${Path}: unknown section '## $section'." }
            }
            continue
        }
        if ($line -match '^###\s+(.+?)\s*$') {
            $title = $Matches[1]
            $buffer = [System.Collections.Generic.List[string]]::new()
            switch ($section) {
                'PARAMETERS' {
                    if ($title -notmatch '^-(\w+)$') { throw "Build-Help: ${Path}: parameter headings are '### -Name', not '### $title'." }
                    if ($doc.Parameters.Contains($Matches[1])) { throw "Build-Help: ${Path}: -$($Matches[1]) is described twice." }
                    $doc.Parameters[$Matches[1]] = $buffer
                }
                'EXAMPLES' {
                    $sub = [pscustomobject] @{ Title = $title; Code = $null; Remarks = $buffer; NotRun = $null }
                    $doc.Examples.Add($sub)
                }
                'INPUTS' { $doc.Inputs[$title] = $buffer }
                'OUTPUTS' { $doc.Outputs[$title] = $buffer }
                default { throw "Build-Help: ${Path}: '### $title' outside PARAMETERS, EXAMPLES, INPUTS or OUTPUTS." }
            }
            continue
        }
        if ($null -ne $buffer) { $buffer.Add($line) }
    }
    if ($inFence) { throw "Build-Help: ${Path}: a code fence is not closed." }
    [pscustomobject] $doc
}

# Blank-line separated blocks become paragraphs; lines of a list ('- ') or an indented block keep their breaks.
function ConvertTo-Paragraphs($Lines) {
    $paras = [System.Collections.Generic.List[string]]::new()
    $block = [System.Collections.Generic.List[string]]::new()
    $flush = {
        if ($block.Count -gt 0) {
            $keepBreaks = $block | Where-Object { $_ -match '^\s*(- |\d+\. |    |```)' }
            if ($block[0] -match '^(- |\d+\. )') {
                # A list: continuation lines join their item.
                $items = [System.Collections.Generic.List[string]]::new()
                foreach ($l in $block) {
                    if ($l -match '^(- |\d+\. )' -or $items.Count -eq 0) { $items.Add($l.Trim()) } else { $items[$items.Count - 1] += ' ' + $l.Trim() }
                }
                $paras.Add($items -join "`n")
            }
            else { $paras.Add($(if ($keepBreaks) { ($block -join "`n") } else { (($block | ForEach-Object Trim) -join ' ') })) }
            $block.Clear()
        }
    }
    foreach ($line in @($Lines)) {
        foreach ($l in ($line -split "`n")) {
            if ($l.Trim() -eq '') { & $flush } else { $block.Add($l.TrimEnd()) }
        }
    }
    & $flush
    # Markdown emphasis and code spans read as plain text in a console.
    @($paras | ForEach-Object { $_ -replace '(?<!`)`([^`]+)`(?!`)', '$1' -replace '\*\*([^*]+)\*\*', '$1' })
}
#endregion

$docs = @{}
foreach ($file in Get-ChildItem $SourceDirectory -Filter '*-*.md' | Sort-Object Name) {
    $doc = Read-HelpSource $file.FullName
    if ($doc.Name -ne $file.BaseName) { throw "Build-Help: $($file.Name): the title '# $($doc.Name)' must be the cmdlet name '$($file.BaseName)'." }
    $docs[$doc.Name] = $doc
}
$shared = @{}
$sharedFile = Join-Path $SourceDirectory '_SharedParameters.md'
if (Test-Path $sharedFile) { $shared = (Read-HelpSource $sharedFile).Parameters }

$problems = [System.Collections.Generic.List[string]]::new()
$known = @{}
foreach ($cmd in $commands) { $known[$cmd.Name] = $true }
foreach ($name in $docs.Keys | Sort-Object) {
    if (-not $known.ContainsKey($name)) { $problems.Add("docs/help/$name.md describes a cmdlet the module does not define.") }
}

#region MAML
$nsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$nsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$nsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$stream = [System.IO.MemoryStream]::new()
$w = [System.Xml.XmlWriter]::Create($stream, $settings)

function Write-Paras([string] $Prefix, [string] $Element, $Paragraphs) {
    $w.WriteStartElement($Prefix, $Element, $(if ($Prefix -eq 'maml') { $nsMaml } elseif ($Prefix -eq 'dev') { $nsDev } else { $nsCommand }))
    foreach ($p in @($Paragraphs)) { $w.WriteElementString('maml', 'para', $nsMaml, $p) }
    $w.WriteEndElement()
}

function Get-PipelineText($Entries) {
    $kinds = @()
    if ($Entries | Where-Object ByValue) { $kinds += 'ByValue' }
    if ($Entries | Where-Object ByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter($Parameter, $Entries, [string[]] $Description, [bool] $InSyntax) {
    $position = @($Entries | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -First 1)
    $required = -not ($Entries | Where-Object { -not $_.Mandatory })
    $w.WriteStartElement('command', 'parameter', $nsCommand)
    $w.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $w.WriteAttributeString('variableLength', $Parameter.IsArray.ToString().ToLowerInvariant())
    $w.WriteAttributeString('globbing', 'false')
    $w.WriteAttributeString('pipelineInput', (Get-PipelineText $Entries))
    $w.WriteAttributeString('position', $(if ($position) { [string] $position[0] } else { 'named' }))
    $w.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $nsMaml, $Parameter.Name)
    Write-Paras 'maml' 'description' $Description
    if ($InSyntax -and $Parameter.Values) {
        $w.WriteStartElement('command', 'parameterValueGroup', $nsCommand)
        foreach ($v in $Parameter.Values) {
            $w.WriteStartElement('command', 'parameterValue', $nsCommand)
            $w.WriteAttributeString('required', 'false')
            $w.WriteAttributeString('command', 'variableLength', $nsCommand, 'false')
            $w.WriteString($v)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    if (-not ($InSyntax -and $Parameter.IsSwitch)) {
        $w.WriteStartElement('command', 'parameterValue', $nsCommand)
        $w.WriteAttributeString('required', $(if ($Parameter.IsSwitch) { 'false' } else { 'true' }))
        $w.WriteAttributeString('variableLength', $Parameter.IsArray.ToString().ToLowerInvariant())
        $w.WriteString($Parameter.Type)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $nsDev)
    $w.WriteElementString('maml', 'name', $nsMaml, $Parameter.FullType)
    $w.WriteElementString('maml', 'uri', $nsMaml, '')
    $w.WriteEndElement()
    $default = if ($Parameter.IsSwitch) { 'False' } elseif ($null -ne $Parameter.Default) { $Parameter.Default } else { 'None' }
    $w.WriteElementString('dev', 'defaultValue', $nsDev, $default)
    $w.WriteEndElement()
}

function Write-TypeList([string] $ListElement, [string] $ItemElement, $Types, $Described) {
    $w.WriteStartElement('command', $ListElement, $nsCommand)
    foreach ($t in $Types) {
        $w.WriteStartElement('command', $ItemElement, $nsCommand)
        $w.WriteStartElement('dev', 'type', $nsDev)
        $w.WriteElementString('maml', 'name', $nsMaml, $t)
        $w.WriteEndElement()
        $short = ($t -split '\.')[-1]
        $text = if ($Described.Contains($t)) { $Described[$t] } elseif ($Described.Contains($short)) { $Described[$short] } else { @() }
        Write-Paras 'maml' 'description' (ConvertTo-Paragraphs $text)
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
}

$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
foreach ($cmd in $commands) {
    $doc = $docs[$cmd.Name]
    if (-not $doc) {
        Write-Warning "Build-Help: $($cmd.Name) has no help source (docs/help/$($cmd.Name).md); it gets no help."
        continue
    }
    $where = "docs/help/$($cmd.Name).md"
    $synopsis = ConvertTo-Paragraphs $doc.Synopsis
    $description = ConvertTo-Paragraphs $doc.Description
    if (-not $synopsis) { $problems.Add("${where}: the SYNOPSIS is empty.") }
    if (-not $description) { $problems.Add("${where}: the DESCRIPTION is empty.") }
    if ($doc.Examples.Count -lt 2) { $problems.Add("${where}: give at least two examples (it has $($doc.Examples.Count)).") }
    foreach ($e in $doc.Examples) { if (-not $e.Code) { $problems.Add("${where}: the example '$($e.Title)' has no code block.") } }

    $paramByName = @{}
    foreach ($p in $cmd.Parameters) { $paramByName[$p.Name] = $p }
    foreach ($name in $doc.Parameters.Keys) {
        if (-not $paramByName.ContainsKey($name)) { $problems.Add("${where}: describes -$name, which $($cmd.Name) does not have.") }
    }
    $descriptions = @{}
    foreach ($p in $cmd.Parameters) {
        $text = if ($doc.Parameters.Contains($p.Name)) { ConvertTo-Paragraphs $doc.Parameters[$p.Name] }
        elseif ($shared.Contains($p.Name)) { ConvertTo-Paragraphs $shared[$p.Name] }
        if (-not $text) { $problems.Add("${where}: -$($p.Name) has no description (add '### -$($p.Name)' under '## PARAMETERS').") }
        $descriptions[$p.Name] = $text
    }
    # Parameters in the order of the help source, then the shared ones in the order of _SharedParameters.md.
    $order = @($doc.Parameters.Keys | Where-Object { $paramByName.ContainsKey($_) }) +
        @($shared.Keys | Where-Object { $paramByName.ContainsKey($_) -and -not $doc.Parameters.Contains($_) }) +
        @($cmd.Parameters.Name | Where-Object { -not $doc.Parameters.Contains($_) -and -not $shared.Contains($_) } | Sort-Object)

    $w.WriteStartElement('command', 'command', $nsCommand)
    $w.WriteAttributeString('xmlns', 'maml', $null, $nsMaml)
    $w.WriteAttributeString('xmlns', 'command', $null, $nsCommand)
    $w.WriteAttributeString('xmlns', 'dev', $null, $nsDev)
    $w.WriteStartElement('command', 'details', $nsCommand)
    $w.WriteElementString('command', 'name', $nsCommand, $cmd.Name)
    $w.WriteElementString('command', 'verb', $nsCommand, $cmd.Verb)
    $w.WriteElementString('command', 'noun', $nsCommand, $cmd.Noun)
    Write-Paras 'maml' 'description' $synopsis
    $w.WriteEndElement()
    Write-Paras 'maml' 'description' $description

    $w.WriteStartElement('command', 'syntax', $nsCommand)
    $sets = @($cmd.ParameterSets | Sort-Object @{ Expression = { -not $_.IsDefault } }, Name)
    foreach ($set in $sets) {
        $w.WriteStartElement('command', 'syntaxItem', $nsCommand)
        $w.WriteElementString('maml', 'name', $nsMaml, $cmd.Name)
        $inSet = foreach ($name in $order) {
            if ($name -notin $set.Parameters) { continue }
            $p = $paramByName[$name]
            $entries = @($p.Sets | Where-Object { $_.Set -eq $set.Name -or $_.Set -eq '__AllParameterSets' })
            $pos = @($entries | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
            $mandatory = [bool] ($entries | Where-Object Mandatory)
            [pscustomobject] @{ P = $p; Entries = $entries; Key = $(if ($pos) { $pos[0] } elseif ($mandatory) { 1000 } else { 2000 }) }
        }
        foreach ($item in @($inSet | Sort-Object Key -Stable)) {
            Write-Parameter $item.P $item.Entries $descriptions[$item.P.Name] $true
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $nsCommand)
    foreach ($name in $order) { Write-Parameter $paramByName[$name] @($paramByName[$name].Sets) $descriptions[$name] $false }
    $w.WriteEndElement()

    $inputTypes = if ($doc.Inputs.Count) { @($doc.Inputs.Keys) }
    else { @($cmd.Parameters | Where-Object { $_.Sets | Where-Object ByValue } | ForEach-Object FullType | Select-Object -Unique) }
    if (-not $inputTypes) { $inputTypes = @('None') }
    Write-TypeList 'inputTypes' 'inputType' $inputTypes $doc.Inputs
    $outputTypes = @($cmd.OutputTypes | Where-Object { $_ -ne 'System.Void' })
    foreach ($t in $doc.Outputs.Keys) { if ($t -notin $outputTypes -and ($outputTypes | ForEach-Object { ($_ -split '\.')[-1] }) -notcontains $t) { $outputTypes += $t } }
    if (-not $outputTypes) { $outputTypes = @('None') }
    Write-TypeList 'returnValues' 'returnValue' $outputTypes $doc.Outputs

    $notes = @(ConvertTo-Paragraphs $doc.Notes)
    if ($cmd.Aliases) { $notes = @("Alias: $($cmd.Aliases -join ', ').") + $notes }
    $w.WriteStartElement('maml', 'alertSet', $nsMaml)
    $w.WriteStartElement('maml', 'alert', $nsMaml)
    foreach ($n in $notes) { $w.WriteElementString('maml', 'para', $nsMaml, $n) }
    $w.WriteEndElement()
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $nsCommand)
    $i = 0
    foreach ($e in $doc.Examples) {
        $i++
        $w.WriteStartElement('command', 'example', $nsCommand)
        $title = $e.Title -replace '^Example\s+\d+\s*:\s*', ''
        $w.WriteElementString('maml', 'title', $nsMaml, "-------------------------- Example ${i}: $title --------------------------")
        $w.WriteElementString('dev', 'code', $nsDev, $e.Code)
        # The empty paragraph separates one example from the next title in Get-Help's output.
        Write-Paras 'dev' 'remarks' (@(ConvertTo-Paragraphs $e.Remarks) + '')
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $nsCommand)
    foreach ($line in @($doc.Links)) {
        if ($line -notmatch '^\s*-\s+(.+?)\s*$') { continue }
        $item = $Matches[1]; $uri = ''
        if ($item -match '^\[(.+)\]\((.+)\)$') { $item = $Matches[1]; $uri = $Matches[2] }
        $w.WriteStartElement('maml', 'navigationLink', $nsMaml)
        $w.WriteElementString('maml', 'linkText', $nsMaml, $item)
        $w.WriteElementString('maml', 'uri', $nsMaml, $uri)
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Flush()
$w.Dispose()
$bytes = $stream.ToArray() + [byte[]] @(10)
#endregion

if ($problems.Count) {
    throw ("Build-Help: the help source is incomplete:`n  " + ($problems -join "`n  "))
}

$current = if (Test-Path $OutputPath) { [IO.File]::ReadAllBytes($OutputPath) } else { $null }
if ($null -eq $current -or -not [Linq.Enumerable]::SequenceEqual([byte[]] $current, [byte[]] $bytes)) {
    $null = New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force
    [IO.File]::WriteAllBytes($OutputPath, $bytes)
    Write-Host "Help: wrote $OutputPath ($($commands.Count) cmdlets)"
}
