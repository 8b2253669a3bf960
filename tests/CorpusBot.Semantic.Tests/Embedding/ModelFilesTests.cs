using System.Runtime.Loader;
using CorpusBot.Semantic.Embedding;

namespace CorpusBot.Semantic.Tests.Embedding;

public sealed class ModelFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corpusbot-modelfiles-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_extracted_files_are_the_assemblys_resources_byte_for_byte()
    {
        var (model, vocabulary) = ModelFiles.Ensure(EmbeddingModel.ArcticXs, _folder);

        Assert.Equal(Resource("model.onnx"), File.ReadAllBytes(model));
        Assert.Equal(Resource("vocab.txt"), File.ReadAllBytes(vocabulary));
    }

    [Fact]
    public void A_file_cut_short_by_an_interrupted_extraction_is_extracted_again()
    {
        var (model, _) = ModelFiles.Ensure(EmbeddingModel.ArcticXs, _folder);
        var length = new FileInfo(model).Length;
        using (var file = new FileStream(model, FileMode.Open))
        {
            file.SetLength(length / 3);
        }

        ModelFiles.Ensure(EmbeddingModel.ArcticXs, _folder);

        Assert.Equal(length, new FileInfo(model).Length);
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The reference: the resource as the runtime itself reads it.
    private static byte[] Resource(string name)
    {
        var model = EmbeddingModel.ArcticXs;
        var context = new AssemblyLoadContext("reference", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(model.AssemblyPath);
            using var stream = assembly.GetManifestResourceStream(model.ResourcePrefix + name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        finally
        {
            context.Unload();
        }
    }
}
