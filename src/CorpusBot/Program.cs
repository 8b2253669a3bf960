using CorpusBot.Cli;

return await CliApp.RunAsync(args, CliContext.FromConsole());
