using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `--quick` gives a smoke run (one short job); anything else is passed to BenchmarkDotNet's switcher.
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = quick
    ? DefaultConfig.Instance.AddJob(Job.ShortRun.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(3))
    : DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(2));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
