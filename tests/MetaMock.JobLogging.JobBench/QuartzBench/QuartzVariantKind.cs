namespace MetaMock.JobLogging.JobBench.QuartzBench;

internal enum QuartzVariantKind
{
    /// <summary>Plain Quartz, nothing of MetaMock's Quartz package registered.</summary>
    Without,

    /// <summary>Only <c>MetaMockJobListener</c>: the cost of its two lines per firing (<c>--breakdown</c>).</summary>
    ListenerOnly,

    /// <summary>Only the context half of <c>UseMetaMockJobContext()</c>: hook and attempt middleware, no lines (<c>--breakdown</c>).</summary>
    ContextOnly,

    /// <summary>
    /// <c>UseMetaMockJobContext(factory)</c> with a logger factory whose one provider formats each message and forgets it:
    /// the integration with the cheapest sink any logging pipeline could have, the ceiling for the two lines it must write.
    /// </summary>
    WithFormatOnly,

    /// <summary>
    /// <c>UseMetaMockJobContext(factory)</c> with ZLogger, B1's fastest peer, writing the lines (scopes included) to a null
    /// stream: the fastest .NET logger that really writes them, with no network behind it.
    /// </summary>
    WithZLogger,

    /// <summary><c>UseMetaMockJobContext()</c>: hook, middleware and listener.</summary>
    With,
}
