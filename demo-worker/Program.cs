using System.CommandLine;
using MetaMock.DemoWorker;

// One entry point: parse, then run the demo host. Parse errors print the usage and exit 2.
var command = DemoCommandLine.Build(DemoRun.RunAsync);
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine();
    parsed = command.Parse("--help");
    await parsed.InvokeAsync(new InvocationConfiguration { Output = Console.Error }).ConfigureAwait(false);
    return DemoCommandLine.UsageError;
}

// Ctrl+C / SIGTERM are the host's to handle (a graceful stop that flushes the logs), not System.CommandLine's.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
