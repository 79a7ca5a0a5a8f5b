// Stripe.js's card Element for the dashboard's card forms (loaded only when Stripe is configured): the card number goes
// from the browser to Stripe alone; the dashboard receives the pm_… id of the payment method Stripe created.
// The script's address and the publishable key come from the host element's data attributes, set by the server.
const mounted = new WeakMap();
let loading;

function loadStripe(src) {
    if (window.Stripe) {
        return Promise.resolve(window.Stripe);
    }
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not load")));
        script.onerror = () => {
            loading = undefined;
            reject(new Error("Stripe.js could not be loaded"));
        };
        document.head.appendChild(script);
    });
}

export async function mount(host, locale) {
    loading ??= loadStripe(host.dataset.stripeScript);
    const Stripe = await loading;
    const stripe = Stripe(host.dataset.stripeKey, { locale });
    const card = stripe.elements({ locale }).create("card", { hidePostalCode: true });
    card.mount(host);
    mounted.set(host, { stripe, card });
}

export async function createPaymentMethod(host, name) {
    const { stripe, card } = mounted.get(host);
    const result = await stripe.createPaymentMethod({ type: "card", card, billing_details: { name } });
    return result.error ? { id: null, error: result.error.message } : { id: result.paymentMethod.id, error: null };
}

export function clear(host) {
    mounted.get(host)?.card.clear();
}

export function unmount(host) {
    const entry = mounted.get(host);
    if (entry) {
        entry.card.destroy();
        mounted.delete(host);
    }
}
