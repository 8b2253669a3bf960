# syntax=docker/dockerfile:1
# Build: docker build -t corpusbot .
# Run:   docker run --rm -e Discord__Token=... -v corpusbot-index:/app/index/lucene corpusbot
# Ask:   docker run --rm -v corpusbot-index:/app/index/lucene corpusbot ask "Why did Mark Ruffalo apologize?"
# HTTP:  docker run --rm -p 8080:8080 -e Discord__Transport=Http -e Discord__PublicKey=... corpusbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the package layer is cached across code changes.
COPY global.json Directory.Build.props Directory.Packages.props CorpusBot.sln .editorconfig ./
COPY src/CorpusBot.Search/CorpusBot.Search.csproj src/CorpusBot.Search/
COPY src/CorpusBot.Discord/CorpusBot.Discord.csproj src/CorpusBot.Discord/
COPY src/CorpusBot.Semantic/CorpusBot.Semantic.csproj src/CorpusBot.Semantic/
COPY src/CorpusBot/CorpusBot.csproj src/CorpusBot/CorpusBot.Runtime.props src/CorpusBot/
COPY tests/CorpusBot.Search.Tests/CorpusBot.Search.Tests.csproj tests/CorpusBot.Search.Tests/
COPY tests/CorpusBot.Discord.Tests/CorpusBot.Discord.Tests.csproj tests/CorpusBot.Discord.Tests/
COPY tests/CorpusBot.Tests/CorpusBot.Tests.csproj tests/CorpusBot.Tests/
COPY tests/CorpusBot.Semantic.Tests/CorpusBot.Semantic.Tests.csproj tests/CorpusBot.Semantic.Tests/
COPY tests/CorpusBot.Testing.FakeDiscord/CorpusBot.Testing.FakeDiscord.csproj tests/CorpusBot.Testing.FakeDiscord/
COPY tests/CorpusBot.Benchmarks/CorpusBot.Benchmarks.csproj tests/CorpusBot.Benchmarks/
RUN dotnet restore CorpusBot.sln
COPY . .

FROM build AS test
RUN dotnet test CorpusBot.sln --no-restore

FROM build AS publish
RUN dotnet publish src/CorpusBot/CorpusBot.csproj --no-restore -c Release -o /app/publish /p:UseAppHost=false

# The aspnet image: the HTTP interactions transport runs on Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=publish /app/publish ./
COPY index/articles ./index/articles
RUN mkdir -p /app/index/lucene && chown -R app:app /app/index
USER app
ENV DOTNET_ENVIRONMENT=Production \
    Corpus__ArticlesPath=/app/index/articles \
    Corpus__IndexPath=/app/index/lucene \
    ASPNETCORE_URLS=http://+:8080
# Http transport: POST /interactions and GET /healthz; gateway transport: GET /healthz only.
EXPOSE 8080
VOLUME ["/app/index/lucene"]
ENTRYPOINT ["dotnet", "CorpusBot.dll"]
