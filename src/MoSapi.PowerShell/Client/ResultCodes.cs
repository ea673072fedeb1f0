using System;
using System.Collections.Generic;
using System.Linq;

namespace MoSapi.Client
{
    /// <summary>
    /// The result codes of probe metrics (spec 5.1) as data. The same number means different things for different
    /// services and interfaces (-200 is "no reply" for DNS but "no IP for the EPP server" for EPP), so every lookup
    /// takes the service and the interface.
    /// </summary>
    internal static class ResultCodes
    {
        /// <summary>The HTTP statuses of the -300 - n and -500 - n families, in the order of n; n = 60 is "any other".</summary>
        internal static readonly int[] HttpStatuses =
        {
            100, 101, 102, 103, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308,
            400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424,
            426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
        };

        private const int OtherHttpStatus = 60;

        private static readonly string[] NxdomainExpectedButGot =
        {
            "FORMERR", "SERVFAIL", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE",
            "BADVERS/BADSIG", "BADKEY", "BADTIME", "BADMODE", "BADNAME", "BADALG", "BADTRUNC", "BADCOOKIE",
        };

        private static readonly (int Code, string Text)[] DnssecUdp =
        {
            (-401, "No DNSKEY record at the zone apex"),
            (-402, "No AD bit from the local resolver"),
            (-403, "NXDOMAIN from the local resolver"),
            (-405, "Unknown cryptographic algorithm"),
            (-406, "Cryptographic algorithm not implemented"),
            (-407, "No RRSIGs where expected"),
            (-408, "No NSEC/NSEC3 records for a non-existent domain"),
            (-410, "Signature does not cover the RRset"),
            (-414, "RRSIG not signed by a DNSKEY of the TLD"),
            (-415, "Bogus DNSSEC signature"),
            (-416, "DNSSEC signature expired"),
            (-417, "DNSSEC signature not yet incepted"),
            (-418, "DNSSEC signature expiration before inception"),
            (-419, "NSEC3 denial-of-existence error"),
            (-422, "RR not covered by the given NSEC RRs"),
            (-423, "Wildcard not covered by the given NSEC RRs"),
            (-425, "RRSIG with too few RDATA fields"),
            (-427, "Malformed DNSSEC response"),
        };

        private static readonly List<MoSapiResultCode> Table = Build();

        /// <summary>Every code of the table, in a stable order (service, interface, code descending).</summary>
        public static IReadOnlyList<MoSapiResultCode> All => Table;

        /// <summary>
        /// The meaning of <paramref name="code"/> for a service and, when known, an interface (DNS, DNSSEC, RDDS43,
        /// RDDS80, RDAP, EPP). DNS and DNSSEC share one table: a DNSSEC measurement also reports plain DNS failures.
        /// </summary>
        public static MoSapiResultCode? Lookup(int code, MoSapiService service, string? @interface)
        {
            if (code <= -1 && code >= -199)
            {
                return Internal(code, service, NormalizeInterface(@interface) ?? DefaultInterface(service));
            }

            var wanted = NormalizeInterface(@interface);
            var dnsFamily = service == MoSapiService.Dns || service == MoSapiService.Dnssec;
            foreach (var row in Table)
            {
                if (row.Code != code)
                {
                    continue;
                }

                if (dnsFamily ? (row.Service == MoSapiService.Dns || row.Service == MoSapiService.Dnssec) : row.Service == service && (wanted == null || row.Interface == wanted))
                {
                    return row;
                }
            }

            return null;
        }

        /// <summary>The code a result string stands for: "-200" → -200; "ok", "no data" and anything else → null.</summary>
        public static int? Parse(string? result)
        {
            if (result == null)
            {
                return null;
            }

            return int.TryParse(result.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        }

        public static IEnumerable<MoSapiResultCode> Find(IEnumerable<int>? codes, IEnumerable<MoSapiService>? services, IEnumerable<string>? interfaces)
        {
            var serviceSet = services?.ToList();
            var interfaceSet = interfaces?.Select(i => NormalizeInterface(i)!).Where(i => i != null).ToList();
            bool Wanted(MoSapiResultCode r) =>
                (serviceSet == null || serviceSet.Count == 0 || serviceSet.Contains(r.Service))
                && (interfaceSet == null || interfaceSet.Count == 0 || interfaceSet.Contains(r.Interface));

            if (codes == null)
            {
                return Table.Where(Wanted);
            }

            var found = new List<MoSapiResultCode>();
            foreach (var code in codes)
            {
                if (code <= -1 && code >= -199)
                {
                    foreach (var (service, iface) in Interfaces())
                    {
                        var row = Internal(code, service, iface);
                        if (Wanted(row))
                        {
                            found.Add(row);
                        }
                    }

                    continue;
                }

                found.AddRange(Table.Where(r => r.Code == code && Wanted(r)));
            }

            return found;
        }

        private static string? NormalizeInterface(string? name) => string.IsNullOrWhiteSpace(name) ? null : name!.Trim().ToUpperInvariant();

        private static string DefaultInterface(MoSapiService service) => service switch
        {
            MoSapiService.Dns => "DNS",
            MoSapiService.Dnssec => "DNSSEC",
            MoSapiService.Rdds => "RDDS43",
            MoSapiService.Rdap => "RDAP",
            _ => "EPP",
        };

        private static IEnumerable<(MoSapiService, string)> Interfaces()
        {
            yield return (MoSapiService.Dns, "DNS");
            yield return (MoSapiService.Dnssec, "DNSSEC");
            yield return (MoSapiService.Rdds, "RDDS43");
            yield return (MoSapiService.Rdds, "RDDS80");
            yield return (MoSapiService.Rdap, "RDAP");
            yield return (MoSapiService.Epp, "EPP");
        }

        private static MoSapiResultCode Internal(int code, MoSapiService service, string iface) => new MoSapiResultCode
        {
            Code = code,
            Service = service,
            Interface = iface,
            Description = code == -1 ? "Internal error" : "Internal error of the probe",
            IsInternal = true,
        };

        private static List<MoSapiResultCode> Build()
        {
            var t = new List<MoSapiResultCode>();
            void Add(MoSapiService s, string iface, string? transport, int code, string text, int? http = null) =>
                t.Add(new MoSapiResultCode { Code = code, Service = s, Interface = iface, Transport = transport, Description = text, HttpStatus = http });

            foreach (var (s, iface) in Interfaces())
            {
                t.Add(Internal(-1, s, iface));
            }

            // DNS: the TCP codes are the UDP ones shifted by -400.
            foreach (var (shift, transport) in new[] { (0, "udp"), (-400, "tcp") })
            {
                var dns = MoSapiService.Dns;
                Add(dns, "DNS", transport, -200 + shift, transport == "udp" ? "No reply from the name server" : "Timeout: no reply from the name server");
                if (transport == "tcp")
                {
                    Add(dns, "DNS", transport, -601, "Error opening a connection to the name server");
                }

                var classes = new[] { "CHAOS", "HESIOD", "something else" };
                for (var i = 0; i < 3; i++)
                {
                    Add(dns, "DNS", transport, -207 - i + shift, $"Unexpected DNS class: expected IN, got {classes[i]}");
                }

                var sections = new[] { "header", "question", "answer", "authority", "additional" };
                for (var i = 0; i < sections.Length; i++)
                {
                    Add(dns, "DNS", transport, -210 - i + shift, $"DNS {sections[i]} section incomplete");
                }

                Add(dns, "DNS", transport, -215 + shift, "Malformed DNS response");
                Add(dns, "DNS", transport, -250 + shift, "Querying a non-existent domain: AA flag not present in the response");
                Add(dns, "DNS", transport, -251 + shift, "Querying a non-existent domain: the queried name is missing from the question section");
                for (var i = 0; i < NxdomainExpectedButGot.Length; i++)
                {
                    Add(dns, "DNS", transport, -253 - i + shift, $"Querying a non-existent domain: expected NXDOMAIN, got {NxdomainExpectedButGot[i]}");
                }

                Add(dns, "DNS", transport, -270 + shift, "Querying a non-existent domain: expected NXDOMAIN, got another response code");
                Add(dns, "DNS", transport, -400 + shift, "The local resolver reached no server (no server could be reached by the local resolver)");
                foreach (var (code, text) in DnssecUdp)
                {
                    Add(MoSapiService.Dnssec, "DNSSEC", transport, code + shift, text);
                }
            }

            var rdds = MoSapiService.Rdds;
            Add(rdds, "RDDS43", null, -201, "The whois server returned no name servers");
            Add(rdds, "RDDS43", null, -222, "The local resolver reached no server resolving the whois host");
            Add(rdds, "RDDS43", null, -224, "SERVFAIL resolving the whois host");
            Add(rdds, "RDDS43", null, -225, "NXDOMAIN resolving the whois host");
            Add(rdds, "RDDS43", null, -227, "Timeout reply from the whois server");
            Add(rdds, "RDDS43", null, -228, "Error opening a connection to the whois server");
            Add(rdds, "RDDS43", null, -229, "Empty response from the whois server");
            Add(rdds, "RDDS80", null, -206, "No HTTP status code in the response");
            Add(rdds, "RDDS80", null, -250, "The local resolver reached no server resolving the web whois host");
            Add(rdds, "RDDS80", null, -252, "SERVFAIL resolving the web whois host");
            Add(rdds, "RDDS80", null, -253, "NXDOMAIN resolving the web whois host");
            Add(rdds, "RDDS80", null, -255, "Timeout reply from the web whois server");
            Add(rdds, "RDDS80", null, -256, "Error opening a connection to the web whois server");
            Add(rdds, "RDDS80", null, -257, "HTTP protocol error");
            Add(rdds, "RDDS80", null, -258, "HTTPS protocol error");
            Add(rdds, "RDDS80", null, -259, "Maximum HTTP redirects reached");
            AddHttpFamily(t, rdds, "RDDS80", -300);

            var rdap = MoSapiService.Rdap;
            Add(rdap, "RDAP", null, -390, "The TLD is not listed in the IANA RDAP bootstrap registry");
            Add(rdap, "RDAP", null, -391, "The RDAP base URL from the bootstrap registry is not HTTPS");
            Add(rdap, "RDAP", null, -400, "The local resolver reached no server resolving the RDAP host");
            Add(rdap, "RDAP", null, -402, "SERVFAIL resolving the RDAP host");
            Add(rdap, "RDAP", null, -403, "NXDOMAIN resolving the RDAP host");
            Add(rdap, "RDAP", null, -405, "Timeout reply from the RDAP server");
            Add(rdap, "RDAP", null, -406, "Error opening a connection to the RDAP server");
            Add(rdap, "RDAP", null, -407, "Invalid JSON in the RDAP response");
            Add(rdap, "RDAP", null, -408, "ldhName missing from the RDAP response");
            Add(rdap, "RDAP", null, -409, "ldhName does not match the query");
            Add(rdap, "RDAP", null, -413, "HTTP protocol error");
            Add(rdap, "RDAP", null, -414, "HTTPS protocol error");
            Add(rdap, "RDAP", null, -415, "Maximum HTTP redirects reached");
            AddHttpFamily(t, rdap, "RDAP", -500);

            var epp = MoSapiService.Epp;
            Add(epp, "EPP", null, -200, "No IP address for the EPP server");
            Add(epp, "EPP", null, -201, "Cannot connect to the EPP server");
            Add(epp, "EPP", null, -202, "Invalid certificate or private key");
            Add(epp, "EPP", null, -203, "Timeout waiting for the first message (greeting)");
            Add(epp, "EPP", null, -204, "Invalid first message (greeting)");
            Add(epp, "EPP", null, -205, "LOGIN command timeout");
            Add(epp, "EPP", null, -206, "Invalid reply to the LOGIN command");
            Add(epp, "EPP", null, -207, "UPDATE command timeout");
            Add(epp, "EPP", null, -208, "Invalid reply to the UPDATE command");
            Add(epp, "EPP", null, -209, "INFO command timeout");
            Add(epp, "EPP", null, -210, "Invalid reply to the INFO command");
            Add(epp, "EPP", null, -211, "Server certificate validation failed");

            t.Sort((a, b) =>
            {
                var c = a.Service.CompareTo(b.Service);
                if (c == 0)
                {
                    c = string.CompareOrdinal(a.Interface, b.Interface);
                }

                return c != 0 ? c : b.Code.CompareTo(a.Code);
            });
            return t;
        }

        private static void AddHttpFamily(List<MoSapiResultCode> t, MoSapiService service, string iface, int @base)
        {
            for (var n = 0; n <= OtherHttpStatus; n++)
            {
                var http = n < HttpStatuses.Length ? HttpStatuses[n] : (int?)null;
                t.Add(new MoSapiResultCode
                {
                    Code = @base - n,
                    Service = service,
                    Interface = iface,
                    HttpStatus = http,
                    Description = http.HasValue
                        ? $"Expected HTTP status 200, got {http.Value}"
                        : "Expected HTTP status 200, got a status not listed in the table",
                });
            }
        }
    }
}
