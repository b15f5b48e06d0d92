using System.Text.RegularExpressions;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// The shape of an AWS region name (<c>ap-south-1</c>, <c>us-gov-west-1</c>). The region becomes part of the endpoint's
/// host name, so anything else could stop the start with a malformed URL or, with a '.', '/', '@' or ':', send signed
/// requests to another host.
/// </summary>
internal static partial class RegionName
{
    public const string Accepted = "an AWS region name such as ap-south-1: letters in dash-separated parts, then a number";

    public static bool IsValid(string name) => Shape().IsMatch(name);

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
