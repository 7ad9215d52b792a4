using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Webhooks;
using Portal.Infrastructure.Webhooks;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("Webhooks");
        builder.Property(w => w.Url).HasMaxLength(WebhookAddress.MaxLength).IsRequired();
        builder.Property(w => w.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Ignore(w => w.Host);
        builder.HasMany<WebhookDelivery>().WithOne().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(WebhookDelivery.TypeMaxLength).IsRequired();
        builder.Property(d => d.Data).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        // A contact's deliveries stay in the log when the contact goes; the payload then names the id alone.
        builder.HasOne(d => d.Contact).WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.SetNull);
        // Who is posting the delivery and until when: a claim of an instance that died runs out and the delivery is picked up again.
        builder.Property<string?>(QueueClaim.ClaimedBy).HasMaxLength(200);
        builder.Property<DateTimeOffset?>(QueueClaim.ClaimExpiresAt);
        builder.HasIndex(nameof(WebhookDelivery.Status), nameof(WebhookDelivery.NextAttemptAt));
        // The webhook's delivery log: newest first.
        builder.HasIndex(d => new { d.WebhookId, d.CreatedAt, d.Id });
    }
}
