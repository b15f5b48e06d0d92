using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `delivery b2|b4|b5|all [--quick]`: the end-to-end delivery benchmarks, which BenchmarkDotNet doesn't fit.
if (args is ["delivery", ..])
{
    return await MetaMock.JobLogging.Benchmarks.Delivery.DeliveryProgram.RunAsync(args[1..]);
}

// `stages [--rounds N]`: B1's call taken apart, each stage timed alone beside the whole call.
if (args is ["stages", ..])
{
    return MetaMock.JobLogging.Benchmarks.LogCall.CallStages.Run(args[1..]);
}

// `--quick` gives a smoke run (one short job); anything else is passed to BenchmarkDotNet's switcher.
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = quick
    ? DefaultConfig.Instance.AddJob(Job.ShortRun.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(3))
    : DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(2));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
return 0;
