using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// For the states of <c>LoggerMessage.Define</c> and <c>[LoggerMessage]</c> methods (value types of the logging
/// abstractions holding their values in typed fields), a reader that captures each value straight from its field:
/// reading them through the state's list would box every value-type value. Null for any other state, or when the
/// fields are not found as expected (the list is then read as for any state). For <c>LogInformation(template, args)</c>'s
/// state, whose values are already boxed in MEL's params array, the reader takes them from that array: its list builds
/// a name/value pair per value read.
/// </summary>
internal static class TypedValues<TState>
{
    // For LogInformation(template, args)'s state held by a TemplateState: its values array (null when it has none), read
    // from its field; null for any other state, or another layout of it.
    private static readonly Func<object, object?[]?>? ValueArray = BuildValueArray();

    /// <summary>Adds the values of the state held by a <see cref="TemplateState{TState}"/> to the scratch, in order; null when the state has no typed reader.</summary>
    public static readonly Action<object, EncodeScratch>? Reader = Build() ?? (ValueArray is null ? null : AddPrinted);

    /// <summary>Whether the state keeps its values in MEL's params array (<c>LogInformation(template, args)</c>), for <see cref="TryPrinted"/>.</summary>
    public static bool HasValueArray => ValueArray is not null;

    /// <summary>
    /// For a state with <see cref="HasValueArray"/>, held by a <see cref="TemplateState{TState}"/>: the values its template
    /// prints (as many as it has holes, as MEL's list gives them), read in place; false when it has more holes than values.
    /// </summary>
    public static bool TryPrinted(object held, out ReadOnlySpan<object?> values)
    {
        var array = ValueArray!(held) ?? [];
        var holes = ((IReadOnlyList<KeyValuePair<string, object?>>)held).Count - 1;
        values = array.AsSpan(0, Math.Min(holes, array.Length));
        return holes <= array.Length;
    }

    private static Func<object, object?[]?>? BuildValueArray()
    {
        var type = typeof(TState);
        if (!type.IsValueType || type.Assembly != typeof(ILogger).Assembly || type.Name != "FormattedLogValues")
        {
            return null;
        }

        var field = type.GetField("_values", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.FieldType != typeof(object[]))
        {
            return null;
        }

        var held = Expression.Parameter(typeof(object), "held");
        return Expression.Lambda<Func<object, object?[]?>>(Expression.Field(HeldState(held), field), held).Compile();
    }

    // The state inside the TemplateState a reader is given, read in place (not copied out of a box).
    private static MemberExpression HeldState(ParameterExpression held) =>
        Expression.Field(Expression.Convert(held, typeof(TemplateState<TState>)), nameof(TemplateState<TState>.Value));

    // Deferred states have a value for every hole (DeferredMessage checks it); the encoder compares the count anyway.
    private static void AddPrinted(object held, EncodeScratch scratch)
    {
        TryPrinted(held, out var values);
        foreach (var value in values)
        {
            scratch.AddValue(CapturedValue.From(value, scratch));
        }
    }

    private static Action<object, EncodeScratch>? Build()
    {
        var type = typeof(TState);
        if (!type.IsValueType || !type.IsGenericType || type.Assembly != typeof(ILogger).Assembly || !type.Name.StartsWith("LogValues", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var arguments = type.GetGenericArguments();
            var fields = arguments.Select((_, i) => type.GetField($"_value{i}", BindingFlags.Instance | BindingFlags.NonPublic)).ToArray();
            if (fields.Where((field, i) => field?.FieldType != arguments[i]).Any())
            {
                return null;
            }

            var box = Expression.Parameter(typeof(object), "held");
            var scratch = Expression.Parameter(typeof(EncodeScratch), "scratch");
            var state = Expression.Variable(type, "state");
            var add = typeof(EncodeScratch).GetMethod(nameof(EncodeScratch.AddValue))!;
            var from = typeof(CapturedValue).GetMethods().Single(m => m.Name == nameof(CapturedValue.From) && m.IsGenericMethodDefinition);
            var body = new List<Expression> { Expression.Assign(state, HeldState(box)) };
            body.AddRange(fields.Select(field => Expression.Call(scratch, add, Expression.Call(from.MakeGenericMethod(field!.FieldType), Expression.Field(state, field), scratch))));
            return Expression.Lambda<Action<object, EncodeScratch>>(Expression.Block([state], body), box, scratch).Compile();
        }
#pragma warning disable CA1031 // A version of the abstractions laid out otherwise: its states are read through their list.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
