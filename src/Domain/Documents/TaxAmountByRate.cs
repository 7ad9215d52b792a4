namespace Portal.Domain.Documents;

public sealed record TaxAmountByRate(decimal TaxRate, decimal NetAmount, decimal TaxAmount);
