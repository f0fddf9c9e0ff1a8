package dev.idsync.notify;

import java.io.IOException;
import java.time.Duration;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import dev.idsync.config.Secret;

/**
 * Posts a JSON message to an incoming webhook (Slack's, or one that speaks its {@code {"text": …}}), once, without
 * retrying: a notification is a courtesy, and a slow or failed one must not hold up the run.
 */
public final class Webhook {

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	private final Secret url;

	private final OkHttpClient http;

	/**
	 * A webhook.
	 * @param url its URL, a credential
	 * @param timeout how long a post may take in all
	 */
	public Webhook(Secret url, Duration timeout) {
		this.url = url;
		this.http = new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(false).build();
	}

	/**
	 * Posts a message.
	 * @param json the message's JSON body
	 * @throws WebhookException when it cannot be delivered (the message never holds the URL)
	 */
	public void post(String json) {
		Request request = new Request.Builder().url(this.url.reveal()).post(RequestBody.create(json, JSON)).build();
		try (Response response = this.http.newCall(request).execute()) {
			if (!response.isSuccessful()) {
				throw new WebhookException("the webhook answered HTTP " + response.code());
			}
		}
		catch (IOException ex) {
			throw new WebhookException("the webhook could not be reached (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** A notification that could not be delivered. */
	public static final class WebhookException extends RuntimeException {

		WebhookException(String message) {
			super(message);
		}

	}

}
