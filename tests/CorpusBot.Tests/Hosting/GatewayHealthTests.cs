using System.Net;
using System.Text.Json;
using CorpusBot.Bot;
using CorpusBot.Cli;
using CorpusBot.Hosting;
using CorpusBot.Testing.FakeDiscord;
using CorpusBot.Tests.Bot;
using CorpusBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Tests.Hosting;

/// <summary>/healthz in gateway mode: Kestrel on 127.0.0.1 beside a gateway session with the loopback fake Discord.</summary>
public sealed class GatewayHealthTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task In_gateway_mode_healthz_reports_the_index_and_the_connection_once_ready()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var corpus = new CliHarness();
        var settings = corpus.Settings;
        settings["Discord:Token"] = discord.Options.Token;
        settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
        settings["Corpus:Watch"] = "false";
        await using var app = HttpBot.BuildWeb(
            new CliContext(TextWriter.Null, TextWriter.Null, settings),
            "http://127.0.0.1:0",
            (services, configuration) => services.AddDiscordBot(configuration),
            web => web.MapHealth());
        using var http = new HttpClient { Timeout = Wait };

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var response = await PollUntilOkAsync(http, address + HealthEndpoint.Path);
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", report.GetProperty("status").GetString());
        Assert.Equal("ready", report.GetProperty("gateway").GetProperty("state").GetString());
        Assert.Equal(3, report.GetProperty("index").GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task While_discord_cannot_be_reached_health_is_not_ready()
    {
        await using var bot = await BotHost.StartAsync(configure: s => s["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10");

        var report = HealthEndpoint.Report(bot.Host.Services);

        Assert.False(report.Healthy);
        Assert.Equal(GatewayHealth.Connecting, report.Gateway!.State);
    }

    private static async Task<HttpResponseMessage> PollUntilOkAsync(HttpClient http, string url)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var response = await http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(50);
        }
    }
}
