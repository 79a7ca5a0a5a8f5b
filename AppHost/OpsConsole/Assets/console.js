// Live regions: an element with data-refresh="ms" is fetched again from the same address and replaced, unless the user is
// inside it (focus or an open <details>) or the tab is hidden. data-follow keeps a log scrolled to its end.
(() => {
    const follow = region => {
        const list = region.querySelector('ol, ul');
        if (list) { list.scrollTop = list.scrollHeight; }
    };
    const refresh = async region => {
        if (document.hidden || region.contains(document.activeElement) || region.querySelector('details[open]')) { return; }
        const list = region.querySelector('ol, ul');
        const atEnd = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 24;
        try {
            const response = await fetch(location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
            if (!response.ok) { return; }
            const page = new DOMParser().parseFromString(await response.text(), 'text/html');
            const fresh = page.getElementById(region.id);
            if (fresh) {
                region.innerHTML = fresh.innerHTML;
                if (region.hasAttribute('data-follow') && atEnd) { follow(region); }
            }
        } catch { /* the AppHost is stopping: the next tick tries again */ }
    };
    for (const region of document.querySelectorAll('[data-refresh][id]')) {
        if (region.hasAttribute('data-follow')) { follow(region); }
        setInterval(() => refresh(region), Number(region.dataset.refresh) || 2000);
    }
})();
