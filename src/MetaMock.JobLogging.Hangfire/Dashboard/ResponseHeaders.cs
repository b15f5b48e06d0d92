using System.Collections.Concurrent;
using System.Reflection;
using Hangfire.Dashboard;
using Microsoft.Extensions.Primitives;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// Sets response headers Hangfire.Core's <see cref="DashboardResponse"/> has no member for (nosniff, no-store,
/// Retry-After). The host's dashboard context exposes its request: ASP.NET Core's <c>HttpContext</c> (public on
/// Hangfire.AspNetCore's context) or OWIN's environment; read through their public properties, so this package
/// depends on neither host.
/// </summary>
internal static class ResponseHeaders
{
    private static readonly ConcurrentDictionary<Type, Func<DashboardContext, IDictionary<string, StringValues>?>> AspNetCore = new();

    public static void Set(DashboardContext context, string name, string value)
    {
        var find = AspNetCore.GetOrAdd(context.GetType(), Finder);
        if (find(context) is { } headers)
        {
            headers[name] = value;
        }
        else if (OwinHeaders(context) is { } owin)
        {
            owin[name] = [value];
        }
    }

    private static Func<DashboardContext, IDictionary<string, StringValues>?> Finder(Type type)
    {
        var http = type.GetProperty("HttpContext", BindingFlags.Public | BindingFlags.Instance);
        if (http is null)
        {
            return static _ => null;
        }

        var response = http.PropertyType.GetProperty("Response", BindingFlags.Public | BindingFlags.Instance);
        var headers = response?.PropertyType.GetProperty("Headers", BindingFlags.Public | BindingFlags.Instance);
        if (response is null || headers is null)
        {
            return static _ => null;
        }

        return context => http.GetValue(context) is { } httpContext && response.GetValue(httpContext) is { } r
            ? headers.GetValue(r) as IDictionary<string, StringValues>
            : null;
    }

    private static IDictionary<string, string[]>? OwinHeaders(DashboardContext context) =>
        context.GetType().GetProperty("Environment", BindingFlags.Public | BindingFlags.Instance)?.GetValue(context) is IDictionary<string, object> environment
        && environment.TryGetValue("owin.ResponseHeaders", out var headers)
            ? headers as IDictionary<string, string[]>
            : null;
}
