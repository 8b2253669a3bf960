using System.Text;
using System.Text.Json;
using CorpusBot.Discord.Http;
using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Discord.Tests.Http;

public class InteractionSignatureTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signature-vectors.json"))).RootElement;

    private static InteractionSignature Verifier(long nowSeconds) =>
        new(Vectors.GetProperty("publicKey").GetString()!, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(nowSeconds)));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors.GetProperty("cases").EnumerateArray())
        {
            data.Add(vector.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vectors_signed_by_an_independent_implementation_verify_exactly_when_valid(string name)
    {
        var vector = Vectors.GetProperty("cases").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var verifier = Verifier(long.Parse(Vectors.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var verified = verifier.Verify(
            vector.GetProperty("signature").GetString(),
            vector.GetProperty("timestamp").GetString(),
            Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!));

        Assert.Equal(vector.GetProperty("valid").GetBoolean(), verified);
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public void A_valid_signature_is_refused_when_its_timestamp_is_outside_the_window(int clockOffsetSeconds, bool accepted)
    {
        var valid = Vectors.GetProperty("cases").EnumerateArray().First(v => v.GetProperty("valid").GetBoolean());
        var now = long.Parse(Vectors.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var verified = Verifier(now + clockOffsetSeconds).Verify(
            valid.GetProperty("signature").GetString(),
            valid.GetProperty("timestamp").GetString(),
            Encoding.UTF8.GetBytes(valid.GetProperty("body").GetString()!));

        Assert.Equal(accepted, verified);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData("zz5ccdb3e0b088485b059beee4350e9fdef62ef065c52fcca4986a483e109d73")]
    public void A_malformed_public_key_is_refused_at_start(string key) =>
        Assert.Throws<ArgumentException>(() => new InteractionSignature(key));
}
