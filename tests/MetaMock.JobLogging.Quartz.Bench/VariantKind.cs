namespace MetaMock.JobLogging.Quartz.Bench;

internal enum VariantKind
{
    /// <summary>Plain Quartz, nothing of MetaMock registered.</summary>
    Without,

    /// <summary>Only <c>MetaMockJobListener</c>: the cost of its two lines per firing.</summary>
    ListenerOnly,

    /// <summary>Only the context half of <c>UseMetaMockJobContext()</c>: per-firing hook and attempt middleware, no lines.</summary>
    ContextOnly,

    /// <summary><c>UseMetaMockJobContext()</c>: hook, middleware and listener.</summary>
    With,
}
