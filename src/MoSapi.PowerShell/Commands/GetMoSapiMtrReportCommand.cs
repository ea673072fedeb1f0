using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiMtrReport: the mtr runs of the probe network towards the entity's addresses, from the archive of a
    /// day (the newest when no day is given), filtered by probe and target before anything is downloaded.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiMtrReport", DefaultParameterSetName = LatestSet)]
    [OutputType(typeof(MoSapiMtrReport), typeof(MoSapiMtrFile))]
    public sealed class GetMoSapiMtrReportCommand : MoSapiDataCmdlet
    {
        private const string LatestSet = "Latest";
        private const string DateSet = "Date";
        private const string RangeSet = "Range";

        /// <summary>A range longer than this is almost surely a typo, and would cost one request per day.</summary>
        private const int MaxRangeDays = 366;

        private string? _outputDirectory;
        private List<IPAddress>? _targets;

        /// <summary>The archive days (UTC) to read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DateSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public DateTime[]? Date { get; set; }

        /// <summary>
        /// Report files of the -Date days to read without listing the day, e.g. from -ListOnly output piped back in.
        /// </summary>
        [Parameter(ParameterSetName = DateSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? FileName { get; set; }

        /// <summary>First day (UTC) of a range; every day up to -End is read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
        public DateTime Start { get; set; }

        /// <summary>Last day (UTC) of the range; today when omitted.</summary>
        [Parameter(ParameterSetName = RangeSet)]
        public DateTime? End { get; set; }

        /// <summary>Probe names to keep (wildcards allowed, case-insensitive).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Probe { get; set; }

        /// <summary>Target addresses to keep, IPv4 or IPv6 (any spelling of the same address matches).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? TargetIp { get; set; }

        /// <summary>Return the matching files without downloading them.</summary>
        [Parameter]
        public SwitchParameter ListOnly { get; set; }

        /// <summary>A directory to save each report's decompressed JSON in (created when missing).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        /// <summary>Overwrite files that already exist in -OutputPath.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ListOnly && OutputPath != null)
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, "-ListOnly downloads nothing, so there is nothing to save in -OutputPath. Use one or the other.");
            }

            if (ParameterSetName == RangeSet)
            {
                var first = DayWindows.ToUtcDay(Start);
                var last = End is { } e ? DayWindows.ToUtcDay(e) : DayWindows.TodayUtc;
                if (last < first)
                {
                    ThrowTerminating(MoSapiErrorIds.InvalidArgument, $"-End {last:yyyy-MM-dd} is before -Start {first:yyyy-MM-dd}. Give an end day on or after the start day.");
                }

                if ((last - first).TotalDays >= MaxRangeDays)
                {
                    ThrowTerminating(MoSapiErrorIds.InvalidArgument, $"-Start {first:yyyy-MM-dd} to -End {last:yyyy-MM-dd} spans more than {MaxRangeDays} days. The archive keeps recent days only; give a shorter range.");
                }
            }

            if (TargetIp != null)
            {
                _targets = new List<IPAddress>();
                foreach (var text in TargetIp)
                {
                    if (!MtrFileName.TryAddress(text.Trim(), out var ip))
                    {
                        ThrowTerminating(MoSapiErrorIds.InvalidArgument, $"-TargetIp '{text}' is not an IPv4 or IPv6 address. Give addresses such as 192.0.2.53 or 2001:db8::53.");
                    }

                    _targets.Add(ip!);
                }
            }

            if (OutputPath != null)
            {
                try
                {
                    var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath, out var provider, out _);
                    if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                    {
                        throw new ArgumentException($"it is on the {provider.Name} provider, not the file system");
                    }

                    Directory.CreateDirectory(path);
                    _outputDirectory = path;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException || ex is SessionStateException)
                {
                    ThrowTerminatingError(ErrorRecords.Create(MoSapiErrorIds.OutputFileError, $"-OutputPath '{OutputPath}' cannot be used as a directory ({ex.Message.TrimEnd('.')}). Give a directory on the file system that you can write to.", OutputPath, ex));
                }
            }
        }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection)
        {
            var set = ParameterSetName;
            var dates = set == DateSet ? (Date ?? Array.Empty<DateTime>()).Select(DayWindows.ToUtcDay).Distinct().ToList() : new List<DateTime>();
            var fileNames = set == DateSet ? FileName : null;
            var start = DayWindows.ToUtcDay(Start);
            var end = End is { } e ? DayWindows.ToUtcDay(e) : DayWindows.TodayUtc;
            var probes = Probe?.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
            var targets = _targets;
            var listOnly = ListOnly.IsPresent;
            var outputDirectory = _outputDirectory;
            var force = Force.IsPresent;

            List<MtrFileName>? named = null;
            if (fileNames != null)
            {
                named = new List<MtrFileName>();
                foreach (var name in fileNames)
                {
                    if (!MtrFileName.TryParse(name, out var parsed))
                    {
                        ThrowTerminating(MoSapiErrorIds.InvalidArgument, $"-FileName '{name}' is not an mtr report name ({{probe}}-{{targetIP}}-{{cycleStart}}-{{run}}.json.gz). Run Get-MoSapiMtrReport -ListOnly to see the files of a day.");
                    }

                    named.Add(parsed!);
                }
            }

            bool Wanted(MtrFileName f) =>
                (probes == null || probes.Any(p => p.IsMatch(f.Probe))) && (targets == null || targets.Any(t => t.Equals(f.TargetIp)));

            return async (sink, context) =>
            {
                IEnumerable<DateTime> days = set switch
                {
                    DateSet => dates,
                    RangeSet => DayWindows.Days(start, end),
                    _ => await LatestDayAsync(connection, context).ConfigureAwait(false),
                };

                foreach (var day in days)
                {
                    List<MtrFileName> files;
                    if (named != null)
                    {
                        files = named;
                    }
                    else
                    {
                        try
                        {
                            files = await MoSapiClient.ListMtrFilesAsync(
                                connection,
                                day,
                                name => context.Log.Warning($"Skipped the mtr file '{name}' of {day:yyyy-MM-dd} for {connection.Entity}: its name does not follow {{probe}}-{{targetIP}}-{{cycleStart}}-{{run}}.json.gz."),
                                context).ConfigureAwait(false);
                        }
                        catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound && set == RangeSet)
                        {
                            // A range may well cross days the archive does not hold; only named days must exist.
                            context.Log.Verbose($"No mtr reports of {day:yyyy-MM-dd} for {connection.Entity}.");
                            continue;
                        }
                        catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
                        {
                            sink.Error(ex);
                            continue;
                        }
                    }

                    var selected = files.Where(Wanted).ToList();
                    if (listOnly)
                    {
                        foreach (var f in selected)
                        {
                            sink.Write(MoSapiClient.ToMtrFile(f, day, connection.Entity));
                        }

                        continue;
                    }

                    // All downloads of the day start at once; the connection's in-flight bound paces them.
                    var downloads = selected.Select(f => DownloadAsync(connection, day, f, context)).ToList();
                    for (var i = 0; i < downloads.Count; i++)
                    {
                        var (report, json, error) = await downloads[i].ConfigureAwait(false);
                        if (error != null)
                        {
                            sink.Error(error);
                            continue;
                        }

                        if (outputDirectory != null)
                        {
                            Save(sink, report!, json!, selected[i], outputDirectory, force);
                        }

                        sink.Write(report!);
                    }
                }
            };
        }

        private static async Task<IEnumerable<DateTime>> LatestDayAsync(MoSapiConnection connection, MoSapiCallContext context)
        {
            var latest = await MoSapiClient.GetMtrLatestDayAsync(connection, context).ConfigureAwait(false);
            if (latest == null)
            {
                throw new MoSapiException(MoSapiErrorIds.NotFound, $"MoSAPI holds no mtr reports for {connection.Entity}. The probe network publishes them while it measures the entity's addresses; try again later.")
                {
                    Entity = connection.Entity,
                };
            }

            return new[] { latest.Value };
        }

        private static async Task<(MoSapiMtrReport?, byte[]?, MoSapiException?)> DownloadAsync(MoSapiConnection connection, DateTime day, MtrFileName file, MoSapiCallContext context)
        {
            try
            {
                var (report, json) = await MoSapiClient.GetMtrReportAsync(connection, day, file, context).ConfigureAwait(false);
                return (report, json, null);
            }
            catch (MoSapiException ex) when (ex.ErrorId != MoSapiErrorIds.AuthenticationFailed && ex.ErrorId != MoSapiErrorIds.AccessDenied)
            {
                return (null, null, ex);
            }
        }

        private static void Save(WorkSink sink, MoSapiMtrReport report, byte[] json, MtrFileName file, string directory, bool force)
        {
            var path = Path.Combine(directory, file.JsonFileName);
            try
            {
                // CreateNew makes the existence check and the creation one step, so parallel saves cannot overwrite.
                using (var stream = new FileStream(path, force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(json, 0, json.Length);
                }

                report.OutputFile = path;
            }
            catch (IOException ex) when (!force && File.Exists(path))
            {
                sink.Error(ErrorRecords.Create(MoSapiErrorIds.OutputFileError, $"The file '{path}' already exists, so the mtr report '{file.FileName}' was not saved. Use -Force to overwrite it, or choose another -OutputPath.", path, ex));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                sink.Error(ErrorRecords.Create(MoSapiErrorIds.OutputFileError, $"The mtr report '{file.FileName}' could not be saved to '{path}' ({ex.Message.TrimEnd('.')}). Check that the directory is writable and has free space.", path, ex));
            }
        }
    }
}
