using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CorpusBot.Cli;
using CorpusBot.Hosting;
using CorpusBot.Testing.FakeDiscord;
using CorpusBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace CorpusBot.Tests.Bot;

/// <summary>The HTTP transport end to end: Kestrel on 127.0.0.1, signed requests, the real commands over a temp corpus.</summary>
public sealed class HttpEndpointTests : IAsyncLifetime
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly CliHarness _corpus = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private WebApplication? _app;
    private string _base = string.Empty;

    public async Task InitializeAsync()
    {
        var settings = _corpus.Settings;
        settings["Discord:Transport"] = "Http";
        settings["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        settings["Discord:RegisterCommands"] = "false";
        settings["Corpus:Watch"] = "false";

        // These tests are about the transport, not the clock: the most time allowed before deferring keeps a loaded
        // machine (CI runs the test projects side by side) from turning the immediate answer into a deferred one.
        settings["Discord:DeferAfterMilliseconds"] = "2500";
        _app = HttpBot.Build(new CliContext(TextWriter.Null, TextWriter.Null, settings), "http://127.0.0.1:0");
        await _app.StartAsync();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        for (var i = 0; i < 200 && (await _http.GetAsync($"{_base}/healthz")).StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(50);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string body, bool sign = true, DateTimeOffset? at = null, Action<HttpRequestMessage>? tamper = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{_base}/interactions") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign)
        {
            var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        tamper?.Invoke(request);
        return _http.SendAsync(request);
    }

    // A real snowflake, created now: an id from 2015 would be an interaction whose 3 seconds ran out long ago.
    private static string Ask(string label, string question) =>
        JsonSerializer.Serialize(new
        {
            type = 2,
            id = FakeDiscordServer.InteractionIdCreatedAt(DateTimeOffset.UtcNow),
            token = "tok" + label,
            application_id = "100",
            data = new { name = "ask", type = 1, options = new[] { new { type = 3, name = "question", value = question } } },
        });

    [Fact]
    public async Task Health_reports_ready_once_the_index_is_built()
    {
        var response = await _http.GetAsync($"{_base}/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ready", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_ping_gets_a_pong()
    {
        var response = await PostAsync("""{"type":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task A_signed_ask_gets_the_same_cited_embeds_as_over_the_gateway()
    {
        var response = await PostAsync(Ask("11", "When was the ceasefire declared?"));

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal("https://www.unilad.co.uk/news/mark-ruffalo-faces-backlash-following-israel-post-apology/", data.GetProperty("embeds")[0].GetProperty("url").GetString());
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
    }

    [Fact]
    public async Task Unsigned_forged_and_stale_requests_get_401()
    {
        var body = Ask("12", "ceasefire");
        var responses = await Task.WhenAll(
            PostAsync(body, sign: false),
            PostAsync(body, at: DateTimeOffset.UtcNow.AddHours(-1)),
            PostAsync(body, tamper: r => r.Content = new StringContent(body.Replace("ceasefire", "ceasefires", StringComparison.Ordinal), Encoding.UTF8, "application/json")),
            PostAsync(body, tamper: r =>
            {
                r.Headers.Remove("X-Signature-Ed25519");
                r.Headers.Add("X-Signature-Ed25519", new string('0', 128));
            }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_without_being_read()
    {
        var response = await PostAsync(new string('x', 300 * 1024), sign: false);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http.Dispose();
        _key.Dispose();
        _corpus.Dispose();
    }
}
