return PayNet.HelpTool.Cli.HelpToolCli.Run(args, Console.Out, Console.Error);
