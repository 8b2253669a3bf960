using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>One HTTP request being handled; <see cref="Record"/> turns it into a <see cref="RecordedRequest"/> exactly once.</summary>
internal sealed class RestExchange
{
    private readonly RequestLog _log;
    private readonly long _sequence;
    private RecordedRequest? _record;
    private Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? _query;

    public RestExchange(RequestLog log, long sequence, string method, string fullPath, string path, string query,
        IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt)
    {
        _log = log;
        _sequence = sequence;
        Method = method;
        FullPath = fullPath;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
    }

    public string Method { get; }
    public string FullPath { get; }
    public string Path { get; }
    public string Query { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public string Body { get; }
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Describes the request for violation messages, e.g. <c>PATCH /webhooks/…</c>.</summary>
    public string Line => $"{Method} {Path}";

    public bool TryParseBody(out JsonElement body)
    {
        body = default;
        if (string.IsNullOrWhiteSpace(Body))
        {
            return false;
        }

        try
        {
            body = Json.Parse(Body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Boolean query parameter as documented: <c>True</c>, <c>true</c> or <c>1</c>.</summary>
    public bool QueryFlag(string name)
    {
        _query ??= QueryHelpers.ParseQuery(Query);
        return _query.TryGetValue(name, out var value) && value.ToString() is "true" or "True" or "1";
    }

    public RecordedRequest Record(int status)
    {
        if (_record is null)
        {
            _record = new RecordedRequest(Method, Path, Query, Headers, Body, ReceivedAt, status) { FullPath = FullPath };
            _log.Add(_sequence, _record);
        }

        return _record;
    }
}
