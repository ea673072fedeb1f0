using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MoSapi.Commands;

namespace MoSapi.Tests;

/// <summary>A runspace with the module's cmdlets imported from the assembly under test.</summary>
public sealed class HostedRunspace : IDisposable
{
    public HostedRunspace()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(GetMoSapiStateCommand).Assembly.Location);
        Runspace = RunspaceFactory.CreateRunspace(state);
        Runspace.Open();
    }

    public Runspace Runspace { get; }

    public PowerShell Create()
    {
        var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        return ps;
    }

    /// <summary>Runs a script with named variables set, returning the output; errors stay in the Streams.</summary>
    public (Collection<PSObject> Output, List<ErrorRecord> Errors) Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var ps = Create();
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            Runspace.SessionStateProxy.SetVariable(name, value);
        }

        ps.AddScript(script);
        var output = ps.Invoke();
        // Copied: the streams are cleared when the PowerShell object is disposed.
        return (output, ps.Streams.Error.ToList());
    }

    public void Dispose() => Runspace.Dispose();
}
