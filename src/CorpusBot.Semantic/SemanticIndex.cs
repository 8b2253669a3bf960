using System.Diagnostics;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Semantic;
using CorpusBot.Semantic.Embedding;
using CorpusBot.Semantic.Storage;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Semantic;

/// <summary>
/// Semantic recall over a <see cref="CorpusIndex"/>: a vector per distinct passage text, kept in step with the index
/// (only new passages are embedded after a commit), persisted under <see cref="SemanticSettings.StorePath"/>, searched
/// by brute force over int8 vectors. Queries never wait: they use the vectors that exist (or none while the store is
/// first opened, or the model first loaded, by another thread).
/// </summary>
public sealed partial class SemanticIndex : ISemanticRecall, IDisposable
{
    private readonly CorpusIndex _index;
    private readonly SemanticSettings _settings;
    private readonly Func<EmbeddingModel, int, ITextEncoder> _createEncoder;
    private readonly ILogger _logger;
    private readonly Lock _initLock = new();
    private readonly Lock _encoderLock = new();
    private readonly Lock _storeLock = new();
    private readonly SemaphoreSlim _buildGate = new(1, 1);
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly SemaphoreSlim _querySlots = new(QuerySlots, QuerySlots);
    private VectorStore? _store;
    private DateTime _storeStamp;
    private volatile View? _view;
    private volatile ITextEncoder? _encoder;
    private volatile string? _encoderProblem;
    private bool _dirty;
    private int _budgetLogged;
    private bool _disposed;

    /// <summary>Recall over <paramref name="index"/>; nothing is read or loaded until first used.</summary>
    /// <param name="index">The index whose passages are embedded.</param>
    /// <param name="settings">Model, budget and where vectors are kept.</param>
    /// <param name="logger">For the few lines it logs.</param>
    /// <param name="createEncoder">Loads a model with a number of threads (tests pass a stand-in).</param>
    public SemanticIndex(CorpusIndex index, SemanticSettings settings, ILogger<SemanticIndex> logger, Func<EmbeddingModel, int, ITextEncoder>? createEncoder = null)
    {
        _index = index;
        _settings = settings;
        _logger = logger;
        _createEncoder = createEncoder ?? ((model, threads) => OnnxTextEncoder.Create(model, threads, modelFolder: Path.Combine(settings.StorePath, "model")));
        if (settings.Enabled)
        {
            index.Committed += OnCommitted;
        }
    }

    // Model runs for queries at once; a query finding them all taken answers without the model rather than queue.
    private static readonly int QuerySlots = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>The file the vectors are kept in.</summary>
    public string StoreFile => Path.Combine(_settings.StorePath, "vectors.bin");

    /// <summary>The model the vectors come from.</summary>
    public EmbeddingModel Model => _settings.Model;

    /// <inheritdoc />
    public SemanticCoverage Coverage
    {
        get
        {
            if (!_settings.Enabled)
            {
                return SemanticCoverage.Off("Semantic recall is turned off (Semantic:Enabled is false).");
            }

            if (OverBudget() is { } over)
            {
                return new SemanticCoverage(SemanticState.Off, 0, over, BudgetReason(over));
            }

            var view = EnsureView();
            var passages = view.Passages.Count;
            if (passages > _settings.MaxPassages)
            {
                return new SemanticCoverage(SemanticState.Off, 0, passages, BudgetReason(passages));
            }

            if (_encoderProblem is { } problem)
            {
                return new SemanticCoverage(SemanticState.Off, 0, passages, problem);
            }

            return view.Embedded == passages
                ? new SemanticCoverage(SemanticState.Ready, passages, passages, null)
                : new SemanticCoverage(SemanticState.Building, view.Embedded, passages, _index.IsReadOnly
                    ? $"{passages - view.Embedded} of {passages} passages have no vector yet; the CorpusBot process that maintains the index embeds them."
                    : $"{passages - view.Embedded} of {passages} passages have no vector yet; the bot embeds them in the background, the index command embeds them now.");
        }
    }

    // Per thread: an answer is worked out on one thread, and another thread's busy moment says nothing about it.
    [ThreadStatic]
    private static long t_busyAnswers;

    /// <inheritdoc />
    public long BusyAnswers => t_busyAnswers;

    /// <inheritdoc />
    public IReadOnlyList<SemanticHit> Nearest(string query, int count, CancellationToken cancellationToken = default)
    {
        if (!_settings.Enabled || count <= 0 || string.IsNullOrWhiteSpace(query) || OverBudget() is not null)
        {
            return [];
        }

        var view = _view ?? TryOpen();
        if (view is null || view.Embedded == 0 || view.Passages.Count > _settings.MaxPassages)
        {
            return [];
        }

        var encoder = _encoder ?? TryLoadEncoder();
        if (encoder is null)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_querySlots.Wait(0))
        {
            t_busyAnswers++;
            return []; // the model is busy with other queries: answer lexically rather than wait
        }

        float[] queryVector;
        try
        {
            queryVector = encoder.EncodeQuery(query);
        }
        finally
        {
            _querySlots.Release();
        }

        var query8 = new sbyte[view.Chunks.Dimensions];
        var queryScale = Int8Vectors.Quantize(queryVector, query8);
        var best = new PriorityQueue<int, float>(count + 1);
        for (var p = 0; p < view.Rows.Length; p++)
        {
            var row = view.Rows[p];
            if (row < 0)
            {
                continue;
            }

            var similarity = Int8Vectors.Dot(query8, view.Chunks.Vector(row)) * queryScale * view.Chunks.Scale(row);
            if (best.Count < count)
            {
                best.Enqueue(p, similarity);
            }
            else if (best.TryPeek(out _, out var lowest) && similarity > lowest)
            {
                best.EnqueueDequeue(p, similarity);
            }
        }

        var hits = new SemanticHit[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var p, out var similarity);
            hits[i] = new SemanticHit(view.Passages[p].ArticleId, view.Passages[p].Ordinal, Math.Clamp(similarity, -1f, 1f));
        }

        return hits;
    }

    /// <summary>
    /// The cosine similarity of <paramref name="query"/> to each of <paramref name="texts"/>, in order; empty when recall
    /// is off or the model is not loaded yet (it is never waited for). One model run per batch of texts.
    /// </summary>
    public IReadOnlyList<float> Similarities(string query, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (!_settings.Enabled || texts.Count == 0 || string.IsNullOrWhiteSpace(query) || _encoderProblem is not null || OverBudget() is not null)
        {
            return [];
        }

        var encoder = _encoder ?? TryLoadEncoder();
        if (encoder is null)
        {
            return [];
        }

        if (!_querySlots.Wait(0))
        {
            t_busyAnswers++;
            return []; // the model is busy with other queries: the caller does without rather than wait
        }

        try
        {
            var queryVector = encoder.EncodeQuery(query);
            var vectors = encoder.EncodePassages(texts, cancellationToken);
            return [.. vectors.Select(v => Math.Clamp(System.Numerics.Tensors.TensorPrimitives.Dot(queryVector, v), -1f, 1f))];
        }
        finally
        {
            _querySlots.Release();
        }
    }

    /// <summary>
    /// Embeds every passage that has no vector yet, with all cores, logging progress; then saves. For the
    /// <c>index</c> command. Does nothing when recall is off, over budget, or another process maintains the index.
    /// </summary>
    public async Task<SemanticCoverage> BuildAsync(CancellationToken cancellationToken = default)
    {
        if (_settings.Enabled && !_index.IsReadOnly)
        {
            await _buildGate.WaitAsync(cancellationToken);
            try
            {
                await Task.Run(() => Build(Environment.ProcessorCount, _settings.ForegroundChunk, foreground: true, cancellationToken), cancellationToken);
            }
            finally
            {
                _buildGate.Release();
            }
        }

        return Coverage;
    }

    /// <summary>
    /// Keeps the vectors in step until cancelled: embeds what is missing on one low-priority thread with one inference
    /// thread (the other core stays free for queries), then again after each commit; saves periodically and when stopped.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_settings.Enabled)
        {
            LogDisabled(_logger);
            return;
        }

        if (_index.IsReadOnly)
        {
            return; // the process holding the index embeds; commits it makes are followed through OnCommitted
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await _buildGate.WaitAsync(cancellationToken);
            try
            {
                await Task.Factory.StartNew(
                    () => Background(cancellationToken),
                    cancellationToken,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBackgroundFailed(_logger, ex); // the lexical index is unaffected; try again after the next commit
            }
            finally
            {
                _buildGate.Release();
            }

            await _changed.WaitAsync(cancellationToken);
        }
    }

    private void Background(CancellationToken cancellationToken)
    {
        var thread = Thread.CurrentThread;
        var priority = thread.Priority;
        thread.Priority = ThreadPriority.BelowNormal;
        try
        {
            Build(threads: 1, _settings.BackgroundChunk, foreground: false, cancellationToken);
            if (_view is { Embedded: > 0 } view && view.Passages.Count <= _settings.MaxPassages)
            {
                LoadEncoder(threads: 1); // ready for the first query, which would otherwise load it itself
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SaveIfDirty();
        }
        finally
        {
            thread.Priority = priority;
        }
    }

    private void Build(int threads, int chunk, bool foreground, CancellationToken cancellationToken)
    {
        if (OverBudget() is { } over)
        {
            if (Interlocked.Exchange(ref _budgetLogged, 1) == 0)
            {
                LogOverBudget(_logger, over, _settings.MaxPassages);
            }

            return;
        }

        EnsureView();
        var clock = Stopwatch.StartNew();
        var added = 0;
        var logged = false;
        try
        {
            while (true)
            {
                var view = _view!;
                if (view.Passages.Count > _settings.MaxPassages)
                {
                    if (Interlocked.Exchange(ref _budgetLogged, 1) == 0)
                    {
                        LogOverBudget(_logger, view.Passages.Count, _settings.MaxPassages);
                    }

                    return;
                }

                var missing = Missing(view);
                if (missing.Count == 0)
                {
                    break;
                }

                if (!logged)
                {
                    LogBuilding(_logger, missing.Count, _settings.Model.Name, foreground ? "now" : "in the background");
                    logged = true;
                }

                var encoder = _encoder ?? LoadEncoder(threads);
                if (encoder is null)
                {
                    return;
                }

                var lastSave = Stopwatch.StartNew();
                var lastProgress = Stopwatch.StartNew();
                var done = 0;
                var superseded = false;
                for (var start = 0; start < missing.Count; start += chunk)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_view!.Version != view.Version)
                    {
                        superseded = true; // a commit changed the passages: start over from the new state (nothing is embedded twice)
                        break;
                    }

                    var part = missing.GetRange(start, Math.Min(chunk, missing.Count - start));
                    var vectors = encoder.EncodePassages([.. part.Select(m => m.Text)], cancellationToken);
                    lock (_storeLock)
                    {
                        for (var i = 0; i < part.Count; i++)
                        {
                            _store!.Add(part[i].Key, vectors[i]);
                        }

                        _dirty = true;
                        PublishLocked(_view!);
                    }

                    added += part.Count;
                    done += part.Count;
                    if (foreground && lastProgress.Elapsed >= ProgressInterval)
                    {
                        LogProgress(_logger, done, missing.Count, done / clock.Elapsed.TotalSeconds);
                        lastProgress.Restart();
                    }

                    if (lastSave.Elapsed >= _settings.SaveInterval)
                    {
                        SaveIfDirty();
                        lastSave.Restart();
                    }
                }

                if (!superseded)
                {
                    break;
                }
            }
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                SaveIfDirty();
            }
        }

        if (added > 0)
        {
            LogBuilt(_logger, added, clock.Elapsed.TotalSeconds, _view!.Embedded, _view.Passages.Count);
        }
    }

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private static List<(UInt128 Key, string Text)> Missing(View view)
    {
        var seen = new HashSet<UInt128>();
        var missing = new List<(UInt128 Key, string Text)>();
        for (var p = 0; p < view.Rows.Length; p++)
        {
            if (view.Rows[p] < 0 && seen.Add(view.Keys[p]))
            {
                missing.Add((view.Keys[p], view.Passages[p].Text));
            }
        }

        // Similar lengths together, so each batch pads little.
        missing.Sort((a, b) => a.Text.Length.CompareTo(b.Text.Length));
        return missing;
    }

    private string BudgetReason(int passages) =>
        $"The collection has {passages:N0} passages, more than Semantic:MaxPassages ({_settings.MaxPassages:N0}), so semantic recall is off. Raise Semantic:MaxPassages to turn it on (embedding takes about a minute per 3,000 passages on 2 cores).";

    // ---- the view: which passages the current index state has, and which row holds each one's vector ----

    private sealed record View(long Version, IReadOnlyList<StoredPassage> Passages, UInt128[] Keys, int[] Rows, VectorChunks Chunks, int Embedded);

    private View? TryOpen()
    {
        if (!_initLock.TryEnter())
        {
            return null; // being opened by another thread: answer without vectors rather than wait
        }

        try
        {
            return EnsureView();
        }
        finally
        {
            _initLock.Exit();
        }
    }

    /// <summary>
    /// The passage count when it is over <c>Semantic:MaxPassages</c>, else null. Counted per index state without reading
    /// a passage: over budget, the vectors' view (every passage's text) is never built, which at a million passages
    /// would take seconds and most of a gigabyte for nothing.
    /// </summary>
    private int? OverBudget() => _index.CountPassages() is var passages && passages > _settings.MaxPassages ? passages : null;

    private View EnsureView()
    {
        if (_view is { } view)
        {
            return view;
        }

        lock (_initLock)
        {
            if (_view is null)
            {
                lock (_storeLock)
                {
                    _store ??= LoadStore();
                }

                Refresh();
            }

            return _view!;
        }
    }

    private VectorStore LoadStore()
    {
        _storeStamp = File.Exists(StoreFile) ? File.GetLastWriteTimeUtc(StoreFile) : default;
        return VectorStore.Load(StoreFile, _settings.Model.VectorId, _settings.Model.Dimensions, _logger);
    }

    // Reads the passages of the current index state (when it changed) and maps them to vectors.
    private void Refresh()
    {
        long version;
        using (var lease = _index.Acquire())
        {
            version = ((DirectoryReader)lease.Searcher.IndexReader).Version;
        }

        if (_view?.Version == version && !StoreChangedOnDisk())
        {
            return;
        }

        var passages = _index.ReadPassages();
        var keys = new UInt128[passages.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = PassageKey.Of(passages[i].Text);
        }

        lock (_storeLock)
        {
            if (_index.IsReadOnly && StoreChangedOnDisk())
            {
                _store = LoadStore(); // the process that maintains the index saved newer vectors
            }

            PublishLocked(new View(version, passages, keys, new int[keys.Length], default, 0));
            var view = _view!;
            var live = new HashSet<UInt128>();
            for (var i = 0; i < keys.Length; i++)
            {
                if (view.Rows[i] >= 0)
                {
                    live.Add(keys[i]);
                }
            }

            if (_store!.Count > live.Count && !_index.IsReadOnly)
            {
                _dirty = true; // vectors of passages gone from the index: dropped at the next save
            }
        }
    }

    private bool StoreChangedOnDisk() =>
        _index.IsReadOnly && File.Exists(StoreFile) && File.GetLastWriteTimeUtc(StoreFile) != _storeStamp;

    // A new view of the same passages with every row looked up again in the store as it is now.
    private void PublishLocked(View view)
    {
        var store = _store!;
        var rows = new int[view.Keys.Length];
        var embedded = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = store.RowOf(view.Keys[i]);
            embedded += rows[i] >= 0 ? 1 : 0;
        }

        _view = view with { Rows = rows, Chunks = store.Chunks, Embedded = embedded };
    }

    private void OnCommitted(object? sender, EventArgs e)
    {
        if (_view is null || _disposed)
        {
            return; // not opened yet: the first use reads the state as it is then
        }

        try
        {
            lock (_initLock)
            {
                Refresh();
            }

            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or SemaphoreFullException)
        {
            LogRefreshFailed(_logger, ex.Message);
        }
    }

    // ---- saving ----

    private void SaveIfDirty()
    {
        if (_index.IsReadOnly)
        {
            return;
        }

        lock (_storeLock)
        {
            if (!_dirty || _view is not { } view)
            {
                return;
            }

            var live = view.Keys.ToHashSet();
            if (_store!.Count - live.Count > Math.Max(VectorStore.ChunkRows, live.Count / 5))
            {
                _store = _store.Compact(live); // drop vectors of passages gone from the index from memory too
                PublishLocked(view);
            }

            try
            {
                _store.Save(StoreFile, live);
                _dirty = false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogSaveFailed(_logger, StoreFile, ex.Message);
            }
        }
    }

    // ---- the model ----

    private ITextEncoder? TryLoadEncoder()
    {
        if (_encoderProblem is not null || !_encoderLock.TryEnter())
        {
            return null; // being loaded by another thread (or it cannot be): answer without vectors
        }

        try
        {
            return LoadEncoder(threads: 1);
        }
        finally
        {
            _encoderLock.Exit();
        }
    }

    private ITextEncoder? LoadEncoder(int threads)
    {
        lock (_encoderLock)
        {
            if (_encoder is not null || _encoderProblem is not null)
            {
                return _encoder;
            }

            try
            {
                var clock = Stopwatch.StartNew();
                _encoder = _createEncoder(_settings.Model, threads);
                LogModelLoaded(_logger, _settings.Model.Name, threads, clock.ElapsedMilliseconds);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or DllNotFoundException or TypeInitializationException or BadImageFormatException)
            {
                _encoderProblem = $"The embedding model {_settings.Model.Name} could not be loaded ({ex.Message}); semantic recall is off.";
                LogModelFailed(_logger, _settings.Model.Name, ex.Message);
            }

            return _encoder;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _index.Committed -= OnCommitted;
        lock (_encoderLock)
        {
            _encoder?.Dispose();
            _encoder = null;
        }

        _buildGate.Dispose();
        _changed.Dispose();
        _querySlots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic recall is turned off (Semantic:Enabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic recall is off: the collection has {Passages} passages, more than Semantic:MaxPassages ({MaxPassages}). Raise Semantic:MaxPassages to turn it on")]
    private static partial void LogOverBudget(ILogger logger, int passages, int maxPassages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding {Count} passages with {Model} {When}")]
    private static partial void LogBuilding(ILogger logger, int count, string model, string when);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Done} of {Total} passages ({Rate:F0} a second)")]
    private static partial void LogProgress(ILogger logger, int done, int total, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Count} passages in {Seconds:F1} s; {Embedded} of {Passages} passages have vectors")]
    private static partial void LogBuilt(ILogger logger, int count, double seconds, int embedded, int passages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded the embedding model {Model} ({Threads} threads) in {ElapsedMs} ms")]
    private static partial void LogModelLoaded(ILogger logger, string model, int threads, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The embedding model {Model} could not be loaded ({Problem}); semantic recall is off")]
    private static partial void LogModelFailed(ILogger logger, string model, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The passage vectors could not be saved to {Path} ({Problem}); they are kept in memory and saved again later")]
    private static partial void LogSaveFailed(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding passages failed; semantic recall answers from the vectors it has")]
    private static partial void LogBackgroundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic recall could not follow an index update ({Problem})")]
    private static partial void LogRefreshFailed(ILogger logger, string problem);
}
