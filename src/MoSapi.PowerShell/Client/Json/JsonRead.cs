using System;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>
    /// Tolerant readers for MoSAPI documents. The live service varies in small ways (numbers as strings, ints where
    /// floats are documented, key case), so each reader accepts every reasonable spelling and anything else becomes a
    /// <see cref="MoSapiErrorIds.InvalidResponse"/> that names the field, never another exception type.
    /// </summary>
    internal static class JsonRead
    {
        private const int MaxDepth = 64;

        public static JObject ParseObject(byte[] body, string what) => ParseObject(body, 0, body.Length, what);

        public static JObject ParseObject(byte[] body, int offset, int count, string what)
        {
            try
            {
                using (var stream = new MemoryStream(body, offset, count, writable: false))
                using (var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                using (var reader = new JsonTextReader(text)
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Double,
                    MaxDepth = MaxDepth,
                })
                {
                    var token = JToken.ReadFrom(reader);
                    if (token is not JObject obj)
                    {
                        throw Invalid(what, $"expected a JSON object, got {token.Type}");
                    }

                    // Trailing content means the document is not what it claims to be.
                    if (reader.Read())
                    {
                        throw Invalid(what, "unexpected content after the JSON document");
                    }

                    return obj;
                }
            }
            catch (JsonException ex)
            {
                throw Invalid(what, ex.Message, ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is FormatException || ex is OverflowException || ex is DecoderFallbackException || ex is InvalidCastException)
            {
                throw Invalid(what, ex.Message, ex);
            }
        }

        public static MoSapiException Invalid(string what, string detail, Exception? inner = null) =>
            new MoSapiException(
                MoSapiErrorIds.InvalidResponse,
                $"MoSAPI sent a {what} that cannot be read ({detail.TrimEnd('.')}). Try again; if it persists the service may have changed its format.",
                inner);

        public static JToken? Get(JObject obj, string name) =>
            obj.GetValue(name, StringComparison.OrdinalIgnoreCase) is { } t && t.Type != JTokenType.Null && t.Type != JTokenType.Undefined ? t : null;

        public static string? String(JObject obj, string name, string what)
        {
            var t = Get(obj, name);
            return t switch
            {
                null => null,
                JValue v when v.Type == JTokenType.String || v.Type == JTokenType.Integer || v.Type == JTokenType.Float || v.Type == JTokenType.Boolean
                    => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
                _ => throw Invalid(what, $"'{name}' should be a string but is {t.Type}"),
            };
        }

        public static string RequiredString(JObject obj, string name, string what) =>
            String(obj, name, what) ?? throw Invalid(what, $"'{name}' is missing");

        public static double? Double(JObject obj, string name, string what)
        {
            var t = Get(obj, name);
            if (t == null)
            {
                return null;
            }

            double d;
            switch (t.Type)
            {
                case JTokenType.Integer when ((JValue)t).Value is System.Numerics.BigInteger:
                    // Beyond 64 bits: no MoSAPI number is that large, and BigInteger is not IConvertible.
                    throw Invalid(what, $"'{name}' is out of range");
                case JTokenType.Integer:
                case JTokenType.Float:
                    d = Convert.ToDouble(((JValue)t).Value, CultureInfo.InvariantCulture);
                    break;
                case JTokenType.String when double.TryParse((string?)t, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    d = parsed;
                    break;
                default:
                    throw Invalid(what, $"'{name}' should be a number but is {t.Type}");
            }

            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                throw Invalid(what, $"'{name}' is not a finite number");
            }

            return d;
        }

        public static long? Long(JObject obj, string name, string what)
        {
            var d = Get(obj, name);
            if (d == null)
            {
                return null;
            }

            return ToLong(d, name, what);
        }

        public static long ToLong(JToken t, string name, string what)
        {
            switch (t.Type)
            {
                case JTokenType.Integer:
                    var v = ((JValue)t).Value;
                    if (v is long l)
                    {
                        return l;
                    }

                    // BigInteger and friends: too large for any field MoSAPI sends.
                    throw Invalid(what, $"'{name}' is out of range");
                case JTokenType.Float:
                    var f = Convert.ToDouble(((JValue)t).Value, CultureInfo.InvariantCulture);
                    if (f >= long.MinValue && f <= long.MaxValue && Math.Floor(f) == f)
                    {
                        return (long)f;
                    }

                    throw Invalid(what, $"'{name}' should be a whole number but is {f.ToString(CultureInfo.InvariantCulture)}");
                case JTokenType.String when long.TryParse((string?)t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw Invalid(what, $"'{name}' should be a whole number but is {t.Type}");
            }
        }

        public static int? Int(JObject obj, string name, string what)
        {
            var l = Long(obj, name, what);
            if (l == null)
            {
                return null;
            }

            if (l < int.MinValue || l > int.MaxValue)
            {
                throw Invalid(what, $"'{name}' is out of range");
            }

            return (int)l.Value;
        }

        public static bool? Bool(JObject obj, string name, string what)
        {
            var t = Get(obj, name);
            return t switch
            {
                null => null,
                { Type: JTokenType.Boolean } => (bool)t,
                { Type: JTokenType.String } when bool.TryParse((string?)t, out var b) => b,
                { Type: JTokenType.Integer } when ((JValue)t).Value is long l && (l == 0 || l == 1) => l == 1,
                _ => throw Invalid(what, $"'{name}' should be true or false but is {t.Type}"),
            };
        }

        /// <summary>Unix epoch seconds (UTC), as a number or a numeric string.</summary>
        public static DateTimeOffset? Epoch(JObject obj, string name, string what)
        {
            var t = Get(obj, name);
            return t == null ? null : ToEpoch(t, name, what);
        }

        public static DateTimeOffset ToEpoch(JToken t, string name, string what)
        {
            var seconds = ToLong(t, name, what);

            // 0001-01-01 .. 9999-12-31 is what DateTimeOffset can hold.
            if (seconds < -62135596800L || seconds > 253402300799L)
            {
                throw Invalid(what, $"'{name}' is not a usable time");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        public static JArray? Array(JObject obj, string name, string what)
        {
            var t = Get(obj, name);
            return t switch
            {
                null => null,
                JArray a => a,
                _ => throw Invalid(what, $"'{name}' should be a list but is {t.Type}"),
            };
        }

        public static JObject? Object(JObject obj, string name, string what)
        {
            var t = Get(obj, name);
            return t switch
            {
                null => null,
                JObject o => o,
                _ => throw Invalid(what, $"'{name}' should be an object but is {t.Type}"),
            };
        }

        public static JObject AsObject(JToken t, string name, string what) =>
            t as JObject ?? throw Invalid(what, $"an element of '{name}' should be an object but is {t.Type}");
    }
}
