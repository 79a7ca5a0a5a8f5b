// Marks the page once its interactive circuit is up (browser tests wait for it before clicking).
window.reseller = {
    markInteractive: () => { document.documentElement.dataset.interactive = "true"; },
};
