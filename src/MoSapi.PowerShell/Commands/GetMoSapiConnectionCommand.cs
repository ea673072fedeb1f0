using System;
using System.Linq;
using System.Management.Automation;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>Get-MoSapiConnection: the connections of this session (never a secret).</summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiConnection")]
    [OutputType(typeof(MoSapiConnection))]
    public sealed class GetMoSapiConnectionCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TldCompleter))]
        public string[]? Tld { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegistrarIdCompleter))]
        public int[]? RegistrarId { get; set; }

        protected override void ProcessRecord()
        {
            var all = ConnectionRegistry.Current.All;
            if ((Tld == null || Tld.Length == 0) && (RegistrarId == null || RegistrarId.Length == 0))
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }

            foreach (var pattern in Tld ?? Array.Empty<string>())
            {
                // Wildcards as in Get-Module: 'ex*'.
                var wildcard = new WildcardPattern(pattern.Trim().Trim('.'), WildcardOptions.IgnoreCase);
                var matches = all.Where(c => c.Tld != null && wildcard.IsMatch(c.Tld)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    WriteError(ErrorRecords.Create(MoSapiErrorIds.NotConnected, $"There is no MoSAPI connection for TLD '{pattern}'. Run Connect-MoSapi -Tld {pattern} first.", pattern));
                }

                WriteObject(matches, enumerateCollection: true);
            }

            foreach (var id in RegistrarId ?? Array.Empty<int>())
            {
                var matches = all.Where(c => c.RegistrarId == id).ToList();
                if (matches.Count == 0)
                {
                    WriteError(ErrorRecords.Create(MoSapiErrorIds.NotConnected, $"There is no MoSAPI connection for registrar {id}. Run Connect-MoSapi -RegistrarId {id} first.", id));
                }

                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
