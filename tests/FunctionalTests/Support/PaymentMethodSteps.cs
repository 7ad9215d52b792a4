using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Application.Common;

namespace Portal.FunctionalTests.Support;

/// <summary>Steps for the customer's bank accounts, each done through the real pages.</summary>
public static class PaymentMethodSteps
{
    public static async Task<Page> AddBankAccountAsync(this PortalBrowser customer, string iban, string? bic = null, string? holder = null,
        bool agree = true)
    {
        var form = await customer.GetAsync(PortalRoutes.My.NewPaymentMethod);
        form.Status.ShouldBe(System.Net.HttpStatusCode.OK, form.Text);
        var fields = new Dictionary<string, string?> { ["Input.Iban"] = iban, ["Input.Bic"] = bic };
        if (holder is not null) fields["Input.AccountHolder"] = holder;
        if (agree) fields["Input.AgreesToMandate"] = "true";
        return await customer.SubmitAsync(form, "Save bank account", fields);
    }

    /// <summary>The ids of the bank accounts on the list page, in the order shown.</summary>
    public static IReadOnlyList<int> PaymentMethodIds(this Page list) =>
        list.Document.QuerySelectorAll("[data-payment-method-id]")
            .Select(e => int.Parse(e.GetAttribute("data-payment-method-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static async Task<Page> MakeDefaultAsync(this PortalBrowser customer, int paymentMethodId)
    {
        var list = await customer.GetAsync(PortalRoutes.My.PaymentMethods);
        return await customer.SubmitAsync(list,
            buttonSelector: $"form[action*='handler=MakeDefault'] button[name=id][value='{paymentMethodId}']");
    }

    public static async Task<Page> RemoveBankAccountAsync(this PortalBrowser customer, int paymentMethodId)
    {
        var list = await customer.GetAsync(PortalRoutes.My.PaymentMethods);
        return await customer.SubmitAsync(list,
            buttonSelector: $"form[action*='handler=Remove'] button[name=id][value='{paymentMethodId}']");
    }
}

/// <summary>A portal whose every log line, at every level, is kept for the test to read.</summary>
public sealed class LogCapturingPortalFactory : PortalFactory
{
    private readonly CapturedLogs _logs = new();

    public IReadOnlyCollection<string> LogLines => _logs.Lines;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // A rule for this provider wins over the category rules of appsettings: it sees everything.
        builder.ConfigureLogging(logging => logging.AddProvider(_logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}
