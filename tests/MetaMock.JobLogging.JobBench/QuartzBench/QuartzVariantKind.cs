namespace MetaMock.JobLogging.JobBench.QuartzBench;

internal enum QuartzVariantKind
{
    /// <summary>Plain Quartz, nothing of MetaMock's Quartz package registered.</summary>
    Without,

    /// <summary>Only <c>MetaMockJobListener</c>: the cost of its two lines per firing (<c>--breakdown</c>).</summary>
    ListenerOnly,

    /// <summary>Only the context half of <c>UseMetaMockJobContext()</c>: hook and attempt middleware, no lines (<c>--breakdown</c>).</summary>
    ContextOnly,

    /// <summary><c>UseMetaMockJobContext()</c>: hook, middleware and listener.</summary>
    With,
}
