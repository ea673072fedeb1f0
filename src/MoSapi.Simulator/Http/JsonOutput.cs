using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MoSapi.Simulator.Http;

public static class JsonOutput
{
    // Probe cities such as "São Paulo" go out as UTF-8, as a real service would send them, not as \u escapes.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> body, int sizeHint = 1024)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var w = new Utf8JsonWriter(buffer, Options))
            body(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>MoSAPI sends whole percentages as JSON integers and the rest as floats; clients must read both.</summary>
    public static void WritePercent(this Utf8JsonWriter w, string name, double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) w.WriteNumber(name, (long)value);
        else w.WriteNumber(name, value);
    }

    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
