using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Mail;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.PortalAccess;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(254).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // Who is delivering the message and until when: a claim of an instance that died runs out and the mail is picked up again.
        builder.Property<string?>(QueueClaim.ClaimedBy).HasMaxLength(200);
        builder.Property<DateTimeOffset?>(QueueClaim.ClaimExpiresAt);
        // The bulk access job whose batch queued the mail, so its page can count what was delivered.
        builder.Property<int?>(PortalAccessJobMail.JobId);
        builder.HasIndex(PortalAccessJobMail.JobId, nameof(OutboxMessage.Status));
        // Queue order, which the time cannot give: mail queued at the same instant (one transaction, or two instances in the same
        // tick) leaves in the order the database numbered it. The database numbers it so that every instance draws from one counter:
        // see OutboxSequence.
        builder.Property<long>(OutboxSequence.Column);
        builder.HasIndex(nameof(OutboxMessage.Status), nameof(OutboxMessage.NextAttemptAt), OutboxSequence.Column);
        // The back office's list: newest first, all or by status.
        builder.HasIndex(m => new { m.CreatedAt, m.Id });
        builder.HasIndex(m => new { m.Status, m.CreatedAt, m.Id });
    }
}
