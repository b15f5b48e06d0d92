using System.Globalization;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>What one B4 child process measured, by name, passed to the parent as one line of <c>name=value</c> pairs.</summary>
internal sealed class ScalingSample
{
    public const string Marker = "B4-RESULT ";

    private readonly Dictionary<string, double> _values;

    public ScalingSample(Dictionary<string, double> values) => _values = values;

    /// <summary>A figure by name; 0 when the child did not report it.</summary>
    public double this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The figures, for the parent to add what it measured of the child from outside (its compilations).</summary>
    public Dictionary<string, double> Values => _values;

    public string ToLine() => Marker + string.Join(' ', _values.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:0.###}")));

    public static ScalingSample Parse(string line) => new(line[Marker.Length..]
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal));
}
