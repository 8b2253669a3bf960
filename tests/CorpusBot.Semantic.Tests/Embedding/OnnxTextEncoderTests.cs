using System.Numerics.Tensors;
using CorpusBot.Semantic.Embedding;
using CorpusBot.Semantic.Tests.Support;

namespace CorpusBot.Semantic.Tests.Embedding;

[Collection(ModelCollection.Name)]
public sealed class OnnxTextEncoderTests(ModelFixture models)
{
    public static TheoryData<string> Models => [.. EmbeddingModel.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Passage_and_query_vectors_have_unit_length(string name)
    {
        var encoder = models.Encoder(EmbeddingModel.Find(name)!);

        var vectors = encoder.EncodePassages(["A bridge was closed for repairs.", "Short.", "The council voted to raise the tax on sugary drinks next spring."]);
        var query = encoder.EncodeQuery("Which bridge closed?");

        Assert.All(vectors.Append(query), v =>
        {
            Assert.Equal(384, v.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(v), 3);
        });
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_paraphrase_is_nearer_than_an_unrelated_sentence(string name)
    {
        var encoder = models.Encoder(EmbeddingModel.Find(name)!);
        var passages = encoder.EncodePassages([
            "The actor said sorry for a social media post about the conflict that many found offensive.",
            "Heavy rain flooded the valley and farmers lost most of their wheat harvest.",
        ]);

        var query = encoder.EncodeQuery("Why did the film star apologise for his tweet?");

        Assert.True(TensorPrimitives.Dot(query, passages[0]) > TensorPrimitives.Dot(query, passages[1]) + 0.1f);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_passage_gets_the_same_vector_alone_or_padded_in_a_batch(string name)
    {
        var encoder = models.Encoder(EmbeddingModel.Find(name)!);
        const string Short = "Ceasefire talks resumed.";

        var alone = encoder.EncodePassages([Short])[0];
        var batched = encoder.EncodePassages(["A much longer passage about the ceasefire talks, which resumed on Monday after a week of shelling in the north.", Short])[1];

        Assert.Equal(1f, TensorPrimitives.Dot(alone, batched), 4);
    }
}
