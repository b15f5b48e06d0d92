using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Routing;

/// <summary>An options monitor over one fixed value, for the console provider this package owns.</summary>
internal sealed class FixedOptionsMonitor<T> : IOptionsMonitor<T>
{
    public FixedOptionsMonitor(T value) => CurrentValue = value;

    public T CurrentValue { get; }

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
