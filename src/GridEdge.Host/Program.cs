using GridEdge.Host.Cli;

return await GridEdgeCli.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
