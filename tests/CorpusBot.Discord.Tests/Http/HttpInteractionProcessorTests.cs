using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CorpusBot.Discord.Http;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;
using CorpusBot.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NSec.Cryptography;

namespace CorpusBot.Discord.Tests.Http;

public sealed class HttpInteractionProcessorTests : IAsyncDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly WebhookCapture _discord = new();
    private readonly ScriptedHandler _handler = new();
    private readonly DiscordRestClient _rest;
    private readonly InteractionDispatcher _dispatcher;
    private readonly HttpInteractionProcessor _processor;

    public HttpInteractionProcessorTests()
    {
        var options = new DiscordOptions { ApiBaseUrl = _discord.BaseUrl, DeferAfterMilliseconds = 150 };
        _rest = new DiscordRestClient(options, NullLogger<DiscordRestClient>.Instance);
        _dispatcher = new InteractionDispatcher(options, _rest, _handler, NullLogger<InteractionDispatcher>.Instance);
        var publicKey = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        _processor = new HttpInteractionProcessor(new InteractionSignature(publicKey), _dispatcher, NullLogger<HttpInteractionProcessor>.Instance);
    }

    private (string Signature, string Timestamp) Sign(string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        return (Convert.ToHexString(signature).ToLowerInvariant(), timestamp);
    }

    // A fresh snowflake: the deadlines count from the time in the id, so a made-up small id would be years late.
    private static string Command(int n) => Command(Snowflake.At(DateTimeOffset.UtcNow, n), $"tok{n}");

    private static string Command(string id, string token) =>
        $$$"""{"type":2,"id":"{{{id}}}","token":"{{{token}}}","application_id":"100","data":{"name":"ask","type":1,"options":[{"type":3,"name":"question","value":"q"}]}}""";

    [Fact]
    public async Task A_ping_is_answered_with_a_pong()
    {
        var (signature, timestamp) = Sign("""{"type":1}""");

        var result = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes("""{"type":1}"""));

        Assert.Equal(200, result.Status);
        Assert.Equal(1, JsonDocument.Parse(result.Body).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task A_command_ready_in_time_is_answered_inline_with_its_message()
    {
        var body = Command(1);
        var (signature, timestamp) = Sign(body);

        var result = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes(body));

        var response = JsonDocument.Parse(result.Body).RootElement;
        Assert.Equal(4, response.GetProperty("type").GetInt32());
        Assert.Equal("answer to ask", response.GetProperty("data").GetProperty("content").GetString());
        Assert.Null(result.AfterResponse);
    }

    [Fact]
    public async Task A_slow_command_is_deferred_then_completed_by_editing_the_original_response()
    {
        // The command cannot finish until the deferral has been returned, so the order is certain whatever the load.
        _handler.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = Command(2);
        var (signature, timestamp) = Sign(body);

        var result = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes(body)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(5, JsonDocument.Parse(result.Body).RootElement.GetProperty("type").GetInt32());
        _handler.Gate.SetResult();
        await result.AfterResponse!();

        var edit = await _discord.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("PATCH", edit.Method);
        Assert.StartsWith("/api/v10/webhooks/100/tok2/messages/@original", edit.Path);
        Assert.Contains("answer to ask", edit.Body);
    }

    [Fact]
    public async Task Forged_altered_unsigned_and_stale_requests_get_401_and_run_nothing()
    {
        var body = Command(3);
        var (signature, timestamp) = Sign(body);
        var (staleSignature, staleTimestamp) = Sign(body, DateTimeOffset.UtcNow.AddMinutes(-10));
        var attempts = new List<(string? Signature, string? Timestamp, string Body)>
        {
            (null, null, body),
            (signature, null, body),
            (null, timestamp, body),
            (signature, timestamp, body.Replace("\"q\"", "\"Q\"", StringComparison.Ordinal)),
            (signature, (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), body),
            ((signature[0] == 'a' ? "b" : "a") + signature[1..], timestamp, body),
            (staleSignature, staleTimestamp, body),
            ("not hex", timestamp, body),
        };

        var results = await Task.WhenAll(Enumerable.Range(0, 125).SelectMany(_ => attempts)
            .Select(a => _processor.ProcessAsync(a.Signature, a.Timestamp, Encoding.UTF8.GetBytes(a.Body))));

        Assert.Equal(1000, results.Length);
        Assert.All(results, r => Assert.Equal(401, r.Status));
        Assert.Empty(_handler.Seen);
    }

    [Fact]
    public async Task An_http_interaction_created_a_while_before_it_arrived_is_deferred_at_once()
    {
        _handler.Delay = TimeSpan.FromSeconds(1);
        var body = Command(Snowflake.At(DateTimeOffset.UtcNow.AddSeconds(-2.4), 5), "tok5");
        var (signature, timestamp) = Sign(body);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes(body));

        Assert.Equal(5, JsonDocument.Parse(result.Body).RootElement.GetProperty("type").GetInt32());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.6), $"deferred after {clock.Elapsed}");
    }

    [Fact]
    public async Task An_http_interaction_whose_id_is_older_than_three_seconds_is_still_answered_because_discord_is_waiting()
    {
        var body = Command("11", "tok11");
        var (signature, timestamp) = Sign(body);

        var result = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes(body));

        Assert.Equal(4, JsonDocument.Parse(result.Body).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task The_same_interaction_delivered_twice_is_answered_once()
    {
        var body = Command(4);
        var (signature, timestamp) = Sign(body);

        var first = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes(body));
        var second = await _processor.ProcessAsync(signature, timestamp, Encoding.UTF8.GetBytes(body));

        Assert.Equal(200, first.Status);
        Assert.Equal(400, second.Status);
        Assert.Single(_handler.Seen);
    }

    public async ValueTask DisposeAsync()
    {
        await _dispatcher.DisposeAsync();
        _rest.Dispose();
        _discord.Dispose();
        _key.Dispose();
    }

    /// <summary>Records the REST calls that complete deferred answers (loopback only).</summary>
    private sealed class WebhookCapture : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly BlockingCollection<(string Method, string Path, string Body)> _requests = [];

        public WebhookCapture()
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}/api/v10";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string BaseUrl { get; }

        public Task<(string Method, string Path, string Body)> NextAsync(TimeSpan timeout) =>
            Task.Run(() => _requests.TryTake(out var request, timeout) ? request : throw new TimeoutException("no REST call arrived"));

        public void Dispose()
        {
            _listener.Close();
            _requests.Dispose();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                _requests.Add((context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, await reader.ReadToEndAsync()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
