using System;
using System.Globalization;

namespace MoSapi.Client
{
    /// <summary>Whether an entity is a registry (a TLD) or a registrar (an IANA id).</summary>
    public enum MoSapiEntityKind
    {
        Registry,
        Registrar,
    }

    /// <summary>
    /// One MoSAPI entity: <c>ry/&lt;tld&gt;</c> or <c>rr/&lt;ianaId&gt;</c>. Immutable and comparable, so it can key
    /// dictionaries of sessions and connections.
    /// </summary>
    public sealed class MoSapiEntity : IEquatable<MoSapiEntity>
    {
        private MoSapiEntity(MoSapiEntityKind kind, string? tld, int? registrarId)
        {
            Kind = kind;
            Tld = tld;
            RegistrarId = registrarId;
            PathSegment = kind == MoSapiEntityKind.Registry
                ? "ry/" + tld
                : "rr/" + registrarId!.Value.ToString(CultureInfo.InvariantCulture);
        }

        public MoSapiEntityKind Kind { get; }

        public string? Tld { get; }

        public int? RegistrarId { get; }

        /// <summary>The path of the entity below the host, e.g. <c>ry/example</c>.</summary>
        public string PathSegment { get; }

        /// <summary>A TLD as the service wants it: an A-label in lower case, without dots around it.</summary>
        public static MoSapiEntity ForTld(string tld)
        {
            if (tld == null)
            {
                throw new ArgumentNullException(nameof(tld));
            }

            var normalized = tld.Trim().Trim('.').ToLowerInvariant();
            if (normalized.Length == 0 || normalized.Length > 63 || !IsLdh(normalized))
            {
                throw new MoSapiException(
                    MoSapiErrorIds.InvalidArgument,
                    $"'{tld}' is not a valid TLD. Give the TLD as an A-label (for example 'example' or 'xn--p1ai'), without dots.");
            }

            return new MoSapiEntity(MoSapiEntityKind.Registry, normalized, null);
        }

        public static MoSapiEntity ForRegistrar(int ianaId)
        {
            if (ianaId <= 0)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.InvalidArgument,
                    $"'{ianaId}' is not a valid IANA registrar ID. Give the positive number ICANN assigned to the registrar.");
            }

            return new MoSapiEntity(MoSapiEntityKind.Registrar, null, ianaId);
        }

        private static bool IsLdh(string label)
        {
            if (label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        public bool Equals(MoSapiEntity? other) =>
            other != null && other.Kind == Kind && other.Tld == Tld && other.RegistrarId == RegistrarId;

        public override bool Equals(object? obj) => Equals(obj as MoSapiEntity);

        public override int GetHashCode() => PathSegment.GetHashCode();

        public override string ToString() => PathSegment;
    }
}
