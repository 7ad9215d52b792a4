using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Application.Documents;
using Portal.Domain.Documents;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How documents read on a page: kinds, statuses and amounts in the user's language and number format.</summary>
public static class DocumentDisplay
{
    public static string DocumentKind(this IStringLocalizer t, DocumentKind kind) => kind switch
    {
        Domain.Documents.DocumentKind.Quotation => t["Quotation"],
        Domain.Documents.DocumentKind.SalesOrder => t["Sales order"],
        Domain.Documents.DocumentKind.Invoice => t["Invoice"],
        _ => t["Credit note"],
    };

    public static string DocumentKindPlural(this IStringLocalizer t, DocumentKind kind) => kind switch
    {
        Domain.Documents.DocumentKind.Quotation => t["Quotations"],
        Domain.Documents.DocumentKind.SalesOrder => t["Sales orders"],
        Domain.Documents.DocumentKind.Invoice => t["Invoices"],
        _ => t["Credit notes"],
    };

    public static string DocumentStatus(this IStringLocalizer t, DocumentStatus status) => status switch
    {
        Domain.Documents.DocumentStatus.Draft => t["Draft"],
        Domain.Documents.DocumentStatus.Sent => t["Sent"],
        Domain.Documents.DocumentStatus.Confirmed => t["Confirmed"],
        Domain.Documents.DocumentStatus.Paid => t["Paid"],
        _ => t["Cancelled"],
    };

    public static string StatusBadge(DocumentStatus status) => status switch
    {
        Domain.Documents.DocumentStatus.Draft => "badge text-bg-light border",
        Domain.Documents.DocumentStatus.Sent => "badge text-bg-primary",
        Domain.Documents.DocumentStatus.Confirmed => "badge text-bg-info",
        Domain.Documents.DocumentStatus.Paid => "badge text-bg-success",
        _ => "badge text-bg-secondary",
    };

    public static string PaymentState(this IStringLocalizer t, PaymentState state) => state switch
    {
        Application.Documents.PaymentState.Paid => t["Paid"],
        Application.Documents.PaymentState.Overdue => t["Open (overdue)"],
        _ => t["Open"],
    };

    public static string PaymentBadge(PaymentState state) => state switch
    {
        Application.Documents.PaymentState.Paid => "badge text-bg-success",
        Application.Documents.PaymentState.Overdue => "badge text-bg-danger",
        _ => "badge text-bg-warning",
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥",
    };

    /// <summary>
    /// An amount in the document's currency, written the way the user's culture writes money: "€1,234.50" in
    /// English, "1.234,50 €" in German. Currencies without a well-known sign show their code, set apart by a space.
    /// </summary>
    public static string Money(decimal amount, string currency)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = 2;
        if (Symbols.TryGetValue(currency, out var symbol))
        {
            format.CurrencySymbol = symbol;
        }
        else
        {
            format.CurrencySymbol = currency;
            // "$n" → "$ n" and "n$" → "n $": a code must not run into the digits.
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 1 => 9, 5 => 8, var p => p };
        }
        return amount.ToString("C", format);
    }

    /// <summary>A plain number as the user's culture writes it, with no more decimals than it has ("2.5", "19", "1,25").</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d", CultureInfo.CurrentCulture) : "—";
}
