// The live player page's script, served from our own origin (the page's CSP allows no inline code). It plays the
// stream named in the page's JSON config with hls.js, or the browser's own HLS where hls.js cannot run, and turns
// every failure (no player, a fatal hls.js error, a video error) into a visible message. Texts come from the config.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('live-config').textContent);
  var video = document.getElementById('live-video');
  var status = document.getElementById('stream-status');

  function show(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }
  function fail() {
    show('error', config.messages.failed);
  }

  video.addEventListener('error', fail);
  video.addEventListener('playing', function () {
    show('playing', config.messages.playing);
  });

  var url = config.streamUrl;
  var isHls = /\.m3u8$/i.test(new URL(url).pathname);
  // hls.js wherever Media Source Extensions exist (the same engine in every such browser, as hls.js advises);
  // the browser's own HLS elsewhere (iPhone Safari); a direct file (mp4) always natively.
  if (isHls && window.Hls && window.Hls.isSupported()) {
    video.dataset.engine = 'hls.js';
    // No worker: it would need a blob: script, which the CSP does not allow.
    var hls = new window.Hls({ enableWorker: false });
    hls.on(window.Hls.Events.ERROR, function (_event, data) {
      if (!data.fatal) return;
      hls.destroy();
      fail();
    });
    hls.loadSource(url);
    hls.attachMedia(video);
  } else if (!isHls || video.canPlayType('application/vnd.apple.mpegurl')) {
    video.dataset.engine = 'native';
    video.src = url;
  } else {
    show('error', config.messages.unsupported);
    return;
  }
  // Muted autoplay is allowed everywhere; a refused play() leaves the controls to the viewer.
  var playing = video.play();
  if (playing) playing.catch(function () {});
})();
