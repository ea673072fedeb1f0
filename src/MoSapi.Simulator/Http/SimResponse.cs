using System.Text;

namespace MoSapi.Simulator.Http;

/// <summary>A fully built response. Handlers build these so faults can cut, corrupt or drop them afterwards.</summary>
public sealed class SimResponse
{
    public const string NotAuthenticatedText =
        "The client could not be authenticated using any of the available methods: TLS-Client-Authentication or Session Cookie.";

    public int Status { get; init; } = 200;
    public string ContentType { get; init; } = "application/json; charset=utf-8";
    public byte[] Body { get; init; } = [];
    public List<KeyValuePair<string, string>> Headers { get; } = new();
    /// <summary>METRICA only: gzip when the client asks for it (spec 6).</summary>
    public bool Compressible { get; init; }
    public DateTimeOffset? LastModified { get; init; }

    public static SimResponse Json(byte[] body) => new() { Body = body };

    public static SimResponse Text(int status, string text) => new()
    {
        Status = status,
        ContentType = "text/plain; charset=utf-8",
        Body = Encoding.UTF8.GetBytes(text),
    };

    public static SimResponse NotFound(string why = "The requested resource does not exist.") => Text(404, "Not Found: " + why);

    public static SimResponse Unauthorized() => Text(401, NotAuthenticatedText);

    /// <summary>
    /// Validation failure (spec 3). 2011 and 2012 carry a numeric resultCode, 2013 and 2014 a string one, because
    /// the live service is inconsistent and clients must accept both.
    /// </summary>
    public static SimResponse BadRequest(int resultCode, string message, string description)
    {
        var body = JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            if (resultCode is 2013 or 2014) w.WriteString("resultCode", resultCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else w.WriteNumber("resultCode", resultCode);
            w.WriteString("message", message);
            w.WriteString("description", description);
            w.WriteEndObject();
        });
        return new SimResponse { Status = 400, Body = body };
    }

    public SimResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}
