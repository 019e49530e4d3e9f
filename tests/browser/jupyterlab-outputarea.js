// JupyterLab's own output area, bundled for a plain page (jupyterlab.mjs bundles it with esbuild). The page
// calls showOutputs(name, outputs, trusted, order) for each cell's outputs (nbformat): "live" attaches the area
// first and then adds the outputs one by one, as they arrive while a cell runs; "reopened" builds the model
// first and attaches it after, as when a saved notebook is opened.
import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { Widget } from '@lumino/widgets';

const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });

window.showOutputs = (name, outputs, trusted, order) => {
  const host = document.createElement('section');
  host.dataset.name = name;
  document.body.appendChild(host);
  const model = new OutputAreaModel({ trusted });
  const area = new OutputArea({ model, rendermime });
  if (order === 'live') {
    Widget.attach(area, host);
    outputs.forEach(output => model.add(output));
  } else {
    outputs.forEach(output => model.add(output));
    Widget.attach(area, host);
  }
};
