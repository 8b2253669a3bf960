using System.Text;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Querying;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Benchmarks;

/// <summary>What a user would otherwise pick for an embedded full-text index: SQLite FTS5, porter tokenizer, bm25, snippet().</summary>
internal sealed class Fts5Engine : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _query;

    private Fts5Engine(SqliteConnection connection)
    {
        _connection = connection;
        _query = connection.CreateCommand();
        _query.CommandText = "SELECT id, snippet(docs, 2, '[', ']', '…', 48) FROM docs WHERE docs MATCH $q ORDER BY bm25(docs) LIMIT 5";
        _query.Parameters.Add("$q", SqliteType.Text);
    }

    /// <summary>Opens a table <see cref="BuildAsync"/> made earlier (a new process after a restart).</summary>
    public static Fts5Engine Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        return new Fts5Engine(connection);
    }

    /// <summary>Reads every article (with the same reader CorpusBot uses) into a new FTS5 table, in one transaction.</summary>
    public static async Task<Fts5Engine> BuildAsync(string collection, string databasePath) =>
        new(await CreateTableAsync(collection, databasePath, article => [article.Body]));

    /// <summary>
    /// A new FTS5 table <c>docs(id, title, body)</c> (porter, unicode61, diacritics removed) holding one row per text
    /// <paramref name="rows"/> gives for each article, read with the same reader CorpusBot uses, in one transaction.
    /// </summary>
    public static async Task<SqliteConnection> CreateTableAsync(string collection, string databasePath, Func<CorpusBot.Search.Articles.Article, IEnumerable<string>> rows)
    {
        var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')";
            create.ExecuteNonQuery();
        }

        var reader = new ArticleReader(5 << 20);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO docs (id, title, body) VALUES ($id, $title, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        foreach (var file in ArticleFile.Scan(collection))
        {
            if ((await reader.ReadAsync(file)).Article is not { } article)
            {
                continue;
            }

            foreach (var text in rows(article))
            {
                id.Value = article.Id;
                title.Value = article.Metadata.Title;
                body.Value = text;
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return connection;
    }

    /// <summary>The top five articles with their snippets; the query's words are OR-ed, quoted phrases kept.</summary>
    public int Search(string query)
    {
        var match = MatchExpression(query);
        if (match.Length == 0)
        {
            return 0;
        }

        _query.Parameters["$q"].Value = match;
        using var results = _query.ExecuteReader();
        var count = 0;
        while (results.Read())
        {
            _ = results.GetString(1);
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        _query.Dispose();
        _connection.Dispose();
    }

    // FTS5 has its own query syntax; quoting every word makes any input a valid query, as CorpusBot accepts any input.
    private static string MatchExpression(string query)
    {
        var parsed = UserQuery.Parse(query);
        var parts = parsed.Phrases.Select(p => Quote(p))
            .Concat(parsed.Loose.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsLetterOrDigit)])).Where(w => w.Length > 0).Select(Quote));
        return string.Join(" OR ", parts);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
}
