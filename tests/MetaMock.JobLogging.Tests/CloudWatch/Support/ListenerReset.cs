using System.Net;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Resets the connection of an HttpListener request: the client sees no answer at all, not even an empty one.</summary>
internal static class ListenerReset
{
    // HttpListener's Abort still ends the response with an empty 200 on Unix; only closing the socket with a zero linger
    // time sends the reset a broken connection shows. The managed listener keeps the socket in its connection object.
    public static void Reset(HttpListenerContext context)
    {
        const System.Reflection.BindingFlags Hidden = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        var connection = typeof(HttpListenerContext).GetProperty("Connection", Hidden)?.GetValue(context);
        if (connection?.GetType().GetField("_socket", Hidden)?.GetValue(connection) is not System.Net.Sockets.Socket socket)
        {
            throw new InvalidOperationException("This HttpListener keeps its socket elsewhere: the proxy cannot reset a connection.");
        }

        socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        socket.Close();
    }
}
