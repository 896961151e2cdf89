using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>Keeps every log line the portal writes (category, level, formatted message), for tests of what is logged.</summary>
public sealed class CollectedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
