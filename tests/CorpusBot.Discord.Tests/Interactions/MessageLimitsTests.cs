using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Text;

namespace CorpusBot.Discord.Tests.Interactions;

public class MessageLimitsTests
{
    private static string Words(int length) => string.Join(' ', Enumerable.Repeat("lorem", (length / 6) + 1))[..length];

    [Fact]
    public void Oversized_parts_are_trimmed_to_every_documented_limit()
    {
        var embeds = Enumerable.Range(0, 14).Select(i => new Embed(
            Title: Words(400),
            Description: Words(5000),
            Footer: new EmbedFooter(Words(3000)),
            Fields: Enumerable.Range(0, 30).Select(_ => new EmbedField(Words(300), Words(2000))).ToList())).ToList();
        var rows = Enumerable.Range(0, 7).Select(r => new ActionRow(
            Enumerable.Range(0, 8).Select(b => new Button(Button.Secondary, Words(120), $"id-{r}-{b}")).ToList())).ToList();

        var message = MessageLimits.Enforce(new MessagePayload(Words(2500), embeds, rows));

        Assert.True(message.Content!.Length <= DiscordLimits.Content);
        Assert.True(message.Embeds!.Count <= DiscordLimits.Embeds);
        Assert.True(message.Embeds.Sum(MessageLimits.Size) <= DiscordLimits.EmbedTotal);
        Assert.All(message.Embeds, e =>
        {
            Assert.True(e.Title!.Length <= DiscordLimits.EmbedTitle);
            Assert.True(e.Description!.Length <= DiscordLimits.EmbedDescription);
            Assert.True(e.Fields!.Count <= DiscordLimits.EmbedFields);
            Assert.All(e.Fields, f => Assert.True(f.Name.Length <= DiscordLimits.FieldName && f.Value.Length <= DiscordLimits.FieldValue));
        });
        Assert.True(message.Components!.Count <= DiscordLimits.ActionRows);
        Assert.All(message.Components, r =>
        {
            Assert.True(r.Components.Count <= DiscordLimits.ButtonsPerRow);
            Assert.All(r.Components, b => Assert.True(b.Label.Length <= DiscordLimits.ButtonLabel));
        });
    }

    [Fact]
    public void Link_buttons_keep_only_a_web_address_and_bad_ones_are_dropped()
    {
        var row = new ActionRow(
        [
            new Button(Button.Link, "ok", CustomId: "stray", Url: "https://example.com/a"),
            new Button(Button.Link, "bad", Url: "javascript:alert(1)"),
            new Button(Button.Secondary, "no id"),
        ]);

        var message = MessageLimits.Enforce(new MessagePayload(Components: [row]));

        var button = Assert.Single(message.Components![0].Components);
        Assert.Null(button.CustomId);
        Assert.Equal("https://example.com/a", button.Url);
    }

    [Fact]
    public void Addresses_over_their_limits_are_dropped_whole_and_the_rest_of_the_message_kept()
    {
        var long600 = "https://example.com/" + new string('a', 580);
        var long2100 = "https://example.com/" + new string('b', 2080);
        var message = MessageLimits.Enforce(new MessagePayload(
            "text",
            [new Embed("Title", "Body", long2100, Author: new EmbedAuthor("Outlet", long2100)), new Embed("Second", Url: long600)],
            [new ActionRow([new Button(Button.Link, "too long", Url: long600), new Button(Button.Link, "fine", Url: "https://example.com/ok")])]));

        Assert.Equal("text", message.Content);
        Assert.Null(message.Embeds![0].Url);
        Assert.Null(message.Embeds[0].Author!.Url);
        Assert.Equal("Outlet", message.Embeds[0].Author!.Name);
        Assert.Equal(long600, message.Embeds[1].Url);
        var button = Assert.Single(message.Components![0].Components);
        Assert.Equal("https://example.com/ok", button.Url);
    }

    [Fact]
    public void Autocomplete_keeps_at_most_25_choices_with_short_names_and_values()
    {
        var choices = Enumerable.Range(0, 40).Select(i => new AutocompleteChoice(Words(150), $"id{i}"))
            .Append(new AutocompleteChoice("too long a value", new string('v', 150)))
            .ToList();

        var reply = MessageLimits.Enforce(InteractionReply.Suggest(choices));

        Assert.Equal(DiscordLimits.AutocompleteChoices, reply.Choices!.Count);
        Assert.All(reply.Choices, c => Assert.True(c.Name.Length <= 100 && c.Value.Length <= 100));
    }

    [Fact]
    public void Every_message_parses_no_mentions()
    {
        var json = System.Text.Encoding.UTF8.GetString(DiscordJson.Serialize(new MessagePayload("@everyone <@1>")));

        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json);
    }
}
