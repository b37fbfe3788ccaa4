using System;
using Iro.Rules.Cli;

return IroApp.Run(args, Console.Out, Console.Error);
