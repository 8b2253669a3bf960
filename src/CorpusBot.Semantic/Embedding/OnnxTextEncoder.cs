using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace CorpusBot.Semantic.Embedding;

/// <summary>
/// Runs a BERT-style sentence-embedding model with ONNX Runtime on the CPU. Inputs are batched and padded only to the
/// longest sequence of each batch (sequences of similar length are batched together), never to 512.
/// </summary>
public sealed class OnnxTextEncoder : ITextEncoder
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly int _batchSize;

    private OnnxTextEncoder(EmbeddingModel model, InferenceSession session, WordPieceTokenizer tokenizer, int batchSize, int threads)
    {
        Model = model;
        _session = session;
        _tokenizer = tokenizer;
        _batchSize = batchSize;
        Threads = threads;
    }

    /// <summary>The model it runs.</summary>
    public EmbeddingModel Model { get; }

    /// <summary>The tokenizer over the model's vocabulary.</summary>
    public WordPieceTokenizer Tokenizer => _tokenizer;

    /// <summary>How many threads one inference uses.</summary>
    public int Threads { get; }

    /// <inheritdoc />
    public string VectorId => Model.VectorId;

    /// <inheritdoc />
    public int Dimensions => Model.Dimensions;

    /// <summary>
    /// Loads <paramref name="model"/>. <paramref name="threads"/> is the number of threads one inference may use (1 for
    /// background work beside queries, all cores for a foreground build); threads never spin while idle. The model's
    /// files are extracted once into <paramref name="modelFolder"/> (default <see cref="EmbeddingModel.SharedCacheFolder"/>).
    /// </summary>
    public static OnnxTextEncoder Create(EmbeddingModel model, int threads, int batchSize = 16, string? modelFolder = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (modelFile, vocabularyFile) = ModelFiles.Ensure(model, modelFolder ?? EmbeddingModel.SharedCacheFolder);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

            // Without the arena, what one batch needed is returned once it has run, not kept for the process's life.
            EnableCpuMemArena = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var session = new InferenceSession(modelFile, options);
        return new OnnxTextEncoder(model, session, new WordPieceTokenizer(File.ReadAllText(vocabularyFile)), batchSize, threads);
    }

    /// <inheritdoc />
    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        var tokens = new long[passages.Count][];
        for (var i = 0; i < passages.Count; i++)
        {
            tokens[i] = _tokenizer.Encode(passages[i], Model.MaxTokens);
        }

        // Batch sequences of similar length, so little of each batch is padding.
        var order = Enumerable.Range(0, passages.Count).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[passages.Count][];
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_batchSize, order.Length - start)).ToArray();
            var encoded = Run(batch.Select(i => tokens[i]).ToArray());
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
            }
        }

        return vectors;
    }

    /// <inheritdoc />
    public float[] EncodeQuery(string query) =>
        Run([_tokenizer.Encode(Model.QueryPrefix + query, Model.MaxTokens)])[0];

    private float[][] Run(long[][] sequences)
    {
        var rows = sequences.Length;
        var length = sequences.Max(s => s.Length);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var types = new long[rows * length];
        for (var r = 0; r < rows; r++)
        {
            sequences[r].CopyTo(ids, r * length);
            mask.AsSpan(r * length, sequences[r].Length).Fill(1);
        }

        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var states = outputs[0].GetTensorDataAsSpan<float>(); // [rows, length, dimensions]
        var dimensions = Model.Dimensions;
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var vector = new float[dimensions];
            var sequence = states.Slice(r * length * dimensions, length * dimensions);
            if (Model.Pooling == Pooling.Cls)
            {
                sequence[..dimensions].CopyTo(vector);
            }
            else
            {
                var count = sequences[r].Length;
                for (var t = 0; t < count; t++)
                {
                    TensorPrimitives.Add(vector, sequence.Slice(t * dimensions, dimensions), vector);
                }

                TensorPrimitives.Divide(vector, count, vector);
            }

            Normalize(vector);
            vectors[r] = vector;
        }

        return vectors;
    }

    internal static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
