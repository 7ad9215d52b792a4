using Portal.Domain.Common;

namespace Portal.Domain.Documents;

public sealed class DocumentLine
{
    private DocumentLine() { }

    public int Id { get; private set; }
    public int DocumentId { get; private set; }
    public int Position { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>Percent, e.g. 19 for 19 %.</summary>
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }

    public const int DescriptionMaxLength = 500;
    public const decimal MaxQuantity = 100_000m;
    public const decimal MaxUnitPrice = 1_000_000m;
    /// <summary>The database keeps four decimal places; more would be silently cut off.</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>A negative price is a discount line, as ERPs send them; the document keeps its total from going below zero.</summary>
    public static bool IsValidUnitPrice(decimal price) =>
        price >= -MaxUnitPrice && price <= MaxUnitPrice && price == Math.Round(price, MaxDecimalPlaces);

    internal static DocumentLine Create(int position, DocumentLineItem item)
    {
        var description = (item.Description ?? "").Trim();
        if (description.Length == 0 || description.Length > DescriptionMaxLength)
            throw new DomainException(DomainErrors.DocumentLineDescriptionInvalid);
        if (item.Quantity <= 0 || item.Quantity > MaxQuantity || item.Quantity != Math.Round(item.Quantity, MaxDecimalPlaces))
            throw new DomainException(DomainErrors.DocumentLineQuantityInvalid);
        if (!IsValidUnitPrice(item.UnitPrice))
            throw new DomainException(DomainErrors.DocumentLineUnitPriceInvalid);
        if (item.TaxRate < 0 || item.TaxRate > 100 || item.TaxRate != Math.Round(item.TaxRate, MaxDecimalPlaces))
            throw new DomainException(DomainErrors.DocumentLineTaxRateInvalid);
        return new DocumentLine
        {
            Position = position,
            Description = description,
            Quantity = item.Quantity,
            UnitPrice = item.UnitPrice,
            TaxRate = item.TaxRate,
            NetAmount = Money.Round(item.Quantity * item.UnitPrice),
        };
    }
}
