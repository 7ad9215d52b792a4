namespace Portal.Domain.Documents;

/// <summary>What a line is made of; the line's net amount is computed from it.</summary>
public sealed record DocumentLineItem(string Description, decimal Quantity, decimal UnitPrice, decimal TaxRate);
