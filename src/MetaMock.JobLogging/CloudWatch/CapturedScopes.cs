using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// The scopes open at a log call, replayed later to the JSON writer (which reads scopes through
/// <see cref="IExternalScopeProvider"/>), so a CloudWatch JSON event carries the same scope properties as the console's.
/// </summary>
internal sealed class CapturedScopes : IExternalScopeProvider
{
    private readonly IReadOnlyList<object?> _scopes;

    public CapturedScopes(IReadOnlyList<object?> scopes) => _scopes = scopes;

    /// <summary>The scope states open now (outermost first), or null when there are none.</summary>
    public static IReadOnlyList<object?>? Capture(IExternalScopeProvider? provider)
    {
        if (provider is null)
        {
            return null;
        }

        var holder = new Holder<List<object?>>();
        provider.ForEachScope(static (scope, h) => (h.Value ??= []).Add(scope), holder);
        return holder.Value;
    }

    public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
    {
        foreach (var scope in _scopes)
        {
            callback(scope, state);
        }
    }

    public IDisposable Push(object? state) => throw new NotSupportedException("Captured scopes are a record of the past.");

    private sealed class Holder<T>
    {
        public T? Value { get; set; }
    }
}
