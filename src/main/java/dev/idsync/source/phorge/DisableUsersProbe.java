package dev.idsync.source.phorge;

/**
 * Whether idsync's bot holds the People application's "Can Disable Users" capability, which disabling and enabling
 * accounts through {@code user.edit} needs.
 *
 * @param bot idsync's own account
 * @param canDisableUsers whether it holds the capability
 * @param evidence Phorge's answer that shows it, free of tokens
 */
public record DisableUsersProbe(Whoami bot, boolean canDisableUsers, String evidence) {

}
