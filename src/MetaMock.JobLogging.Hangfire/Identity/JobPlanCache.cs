using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hangfire.Common;

namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>
/// Finds the settings that win for a job (method attribute, else class attribute, else the registration's
/// defaults) and keeps the resolved plan per job type and method, so reflection runs once per method.
/// </summary>
internal sealed class JobPlanCache
{
    private readonly ConcurrentDictionary<(Type Type, MethodInfo Method), JobPlan> _plans = new();
    private readonly JobSettings _defaults;

    public JobPlanCache(JobSettings defaults) => _defaults = defaults;

    public JobPlan For(Job job) => _plans.GetOrAdd((job.Type, job.Method), static (key, defaults) => Build(key.Type, key.Method, defaults), _defaults);

    /// <summary>Like <see cref="For"/>, but false instead of an error for a misconfigured attribute.</summary>
    public bool TryFor(Job job, [NotNullWhen(true)] out JobPlan? plan)
    {
        try
        {
            plan = For(job);
            return true;
        }
        catch (InvalidOperationException)
        {
            plan = null;
            return false;
        }
    }

    private static JobPlan Build(Type type, MethodInfo method, JobSettings defaults)
    {
        // The same lookup Hangfire uses for filter attributes: the method, then the job's type (which may be an interface).
        var own = method.GetCustomAttribute<MetaMockJobContextAttribute>(inherit: true)
            ?? type.GetCustomAttribute<MetaMockJobContextAttribute>(inherit: true);
        return JobPlan.Create(method, own?.Settings ?? defaults);
    }
}
